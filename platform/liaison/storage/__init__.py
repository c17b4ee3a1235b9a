"""File storage: one interface, a local-folder and an S3 backend. (Filled in by storage.)"""

from pathlib import Path


class _Local:
    def __init__(self, root):
        self.root = Path(root)

    def check(self):
        self.root.mkdir(parents=True, exist_ok=True)


def get_storage(app):
    return _Local(app.config["STORAGE_DIR"])
