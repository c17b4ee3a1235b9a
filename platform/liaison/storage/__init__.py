"""File storage: one interface, a local-folder and an S3 backend, chosen by configuration
(S3_BUCKET set → S3). Files are downloaded only through the routes of the records they
belong to (`downloads`)."""

from .backends import LocalStorage, S3Storage, Storage, StorageError
from .downloads import (
    FileUnavailable,
    download_response,
    file_routes,
    send_stored_file,
    serves_file,
)
from .files import delete_file, get_storage, read_file, save_file, stored_file

__all__ = [
    "FileUnavailable",
    "LocalStorage",
    "S3Storage",
    "Storage",
    "StorageError",
    "delete_file",
    "download_response",
    "file_routes",
    "get_storage",
    "read_file",
    "save_file",
    "send_stored_file",
    "serves_file",
    "stored_file",
]
