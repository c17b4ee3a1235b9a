"""The executable policy: an agency's policy adopted from a template, its immutable
revisions, its review workflow, publication, and the compliance calendar it drives."""
