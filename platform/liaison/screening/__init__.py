"""The immigration-status screen: one check, applied to every free-text field staff write
(through `liaison.forms.FreeText` and `FreeTextArea`) and again by the operations that save
outreach records. See `rules.py` for where the line is drawn."""

from .rules import RULES, Refusal, Rule, screen

__all__ = ["RULES", "Refusal", "Rule", "screen"]
