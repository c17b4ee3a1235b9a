"""The five model policies as data files, with their loader and validator (plain Python).

FORMAT.md documents the file format; `liaison templates check` validates the files.
"""

from pathlib import Path

from .loader import DATA_DIR, TemplateError, load_all, load_template
from .model import Obligation, Placeholder, Section, Template

SOURCES_DIR = Path(__file__).parent / "sources"

STARTING_TEMPLATES = {
    "waltham": "Waltham (MA) Police Department — General Order GO-01, Community Relations",
    "cambridge": "Cambridge (MA) Police Department — Procedure 4.301, Community Relations",
    "new-canaan": "New Canaan (CT) Police Department — General Order 88-9-53, Community Relations",
    "alsip": "Alsip (IL) Police Department — Policy Manual 300, Community Relations",
    "texas-sample": "Texas Police Chiefs Association — sample community outreach policy",
}

__all__ = [
    "DATA_DIR",
    "SOURCES_DIR",
    "STARTING_TEMPLATES",
    "Obligation",
    "Placeholder",
    "Section",
    "Template",
    "TemplateError",
    "load_all",
    "load_template",
]
