"""File storage: one interface, a local-folder and an S3 backend, chosen by configuration
(S3_BUCKET set → S3), and time-limited download links checked against the agency."""

from .backends import LocalStorage, S3Storage, Storage, StorageError
from .files import delete_file, get_storage, read_file, save_file
from .links import (
    FileUnavailable,
    download_response,
    download_url,
    load_download_token,
    make_download_token,
)

__all__ = [
    "FileUnavailable",
    "LocalStorage",
    "S3Storage",
    "Storage",
    "StorageError",
    "delete_file",
    "download_response",
    "download_url",
    "get_storage",
    "load_download_token",
    "make_download_token",
    "read_file",
    "save_file",
]
