"""An agency's logo: decoded before it is kept, stored re-encoded, and removable."""

from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image
from sqlalchemy import func, select

from liaison.audit.models import AuditEvent
from liaison.extensions import db
from liaison.storage.models import StoredFile
from liaison.tenancy import tenant_context
from tenants import roles

SETTINGS = {
    "coordinator_title": "Coordinator",
    "chief_title": "Chief",
    "languages": ["en"],
    "brand_colour": "#1f3a5f",
}


def _image(mode: str, size: tuple[int, int], colour, kind: str = "PNG", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, colour).save(out, kind, **save)
    return out.getvalue()


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_header_only(width: int, height: int, idat: bytes) -> bytes:
    """A PNG whose chunks all check out (signature, IHDR, CRCs) around `idat`."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", ihdr) + _chunk(b"IDAT", idat) + _chunk(b"IEND", b"")
    )


def _upload(client, slug: str, data: bytes, name: str = "badge.png"):
    return client.post(
        f"/console/{slug}/settings",
        data={**SETTINGS, "logo": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _logo_files(agency) -> int:
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        count = db.session.scalar(
            select(func.count()).select_from(StoredFile).where(StoredFile.purpose == "logo")
        )
    db.session.rollback()
    return count


def _events(agency, action: str) -> list[dict]:
    db.session.rollback()
    with tenant_context(agency.id, session=db.session):
        rows = db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)).all()
        found = [{"actor_id": r.actor_id, "details": r.details} for r in rows]
    db.session.rollback()
    return found


@pytest.fixture
def admin_of(make_agency, make_user, login):
    """admin_of(slug): a new agency, with its admin signed in on the test client."""

    def make(slug: str):
        agency = make_agency(slug, coordinator_title="Old title")
        login(make_user(agency, roles.AGENCY_ADMIN))
        return agency

    return make


JUNK = {
    "png magic, then zeros": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "png chunks, junk pixels": _png_header_only(64, 64, b"not zlib data at all" * 8),
    "jpeg magic, then text": b"\xff\xd8\xff\xe0" + b"<script>alert(1)</script>" * 4,
    "a gif (not accepted)": _image("RGB", (8, 8), "red", "GIF"),
}


@pytest.mark.parametrize("junk", JUNK.values(), ids=JUNK.keys())
def test_a_file_that_does_not_decode_is_refused_and_nothing_is_stored(client, admin_of, junk):
    agency = admin_of("junk-pd")

    response = _upload(client, "junk-pd", junk)

    assert response.status_code == 200
    assert "could not be read as a PNG, JPEG or WebP image" in response.get_data(as_text=True)
    db.session.refresh(agency)
    assert agency.logo_file_key is None
    assert agency.coordinator_title == "Old title"  # the whole form was refused
    assert _logo_files(agency) == 0
    assert client.get("/junk-pd/logo").status_code == 404


BOMBS = {
    "over the side limit": _png_header_only(5000, 5000, zlib.compress(b"\x00" * 64)),
    "pillow's decompression bomb": _png_header_only(60000, 60000, zlib.compress(b"\x00")),
}


@pytest.mark.parametrize("bomb", BOMBS.values(), ids=BOMBS.keys())
def test_an_image_of_too_many_pixels_is_refused_before_decoding(client, admin_of, bomb):
    agency = admin_of("bomb-pd")

    response = _upload(client, "bomb-pd", bomb)

    assert response.status_code == 200
    assert "at most 4096 × 4096 pixels" in response.get_data(as_text=True)
    assert _logo_files(agency) == 0


def test_a_jpeg_is_stored_as_a_png_without_its_exif(client, admin_of):
    agency = admin_of("exif-pd")
    exif = Image.Exif()
    exif[0x010F] = "SpyCam Inc"  # Make
    exif[0x9003] = "2026:01:02 03:04:05"  # DateTimeOriginal
    jpeg = _image("RGB", (120, 60), "navy", "JPEG", exif=exif.tobytes())
    assert b"SpyCam" in jpeg

    assert _upload(client, "exif-pd", jpeg, "photo.jpg").status_code == 302

    served = client.get("/exif-pd/logo")
    assert served.mimetype == "image/png"
    assert b"SpyCam" not in served.data
    stored = Image.open(io.BytesIO(served.data))
    assert stored.format == "PNG"
    assert stored.size == (120, 60)
    assert not stored.getexif()
    assert "exif" not in stored.info
    assert _events(agency, "agency.logo_changed")


def test_a_png_keeps_its_transparency_loses_its_text_and_is_bounded_in_size(client, admin_of):
    admin_of("alpha-pd")
    image = Image.new("RGBA", (2000, 1000), (200, 0, 0, 255))
    image.paste((0, 0, 0, 0), (0, 0, 1000, 1000))  # the left half is transparent
    from PIL.PngImagePlugin import PngInfo

    text = PngInfo()
    text.add_text("Comment", "home address of the chief")
    out = io.BytesIO()
    image.save(out, "PNG", pnginfo=text)

    assert _upload(client, "alpha-pd", out.getvalue()).status_code == 302

    data = client.get("/alpha-pd/logo").data
    assert b"home address" not in data
    stored = Image.open(io.BytesIO(data))
    assert stored.size == (512, 256)
    assert stored.mode == "RGBA"
    assert stored.getpixel((100, 100))[3] == 0
    assert stored.getpixel((400, 100)) == (200, 0, 0, 255)


def test_the_admin_removes_the_logo_and_the_removal_is_audited(client, admin_of):
    agency = admin_of("remove-pd")
    assert _upload(client, "remove-pd", _image("RGB", (40, 40), "navy")).status_code == 302
    settings = client.get("/console/remove-pd/settings").get_data(as_text=True)
    assert 'action="/console/remove-pd/settings/logo/remove"' in settings
    assert "Remove logo" in settings

    response = client.post("/console/remove-pd/settings/logo/remove")

    assert response.status_code == 302
    assert response.location == "/console/remove-pd/settings"
    db.session.refresh(agency)
    assert agency.logo_file_key is None
    assert _logo_files(agency) == 0
    assert client.get("/remove-pd/logo").status_code == 404
    assert 'src="/remove-pd/logo"' not in client.get("/remove-pd/").get_data(as_text=True)
    settings = client.get("/console/remove-pd/settings").get_data(as_text=True)
    assert "Remove logo" not in settings
    (removed,) = _events(agency, "agency.logo_removed")
    assert removed["actor_id"] is not None


def test_staff_who_are_not_the_admin_cannot_remove_the_logo(client, make_agency, make_user, login):
    agency = make_agency("keep-pd")
    admin = client.application.test_client()
    login(make_user(agency, roles.AGENCY_ADMIN), with_client=admin)
    assert _upload(admin, "keep-pd", _image("RGB", (40, 40), "navy")).status_code == 302
    login(make_user(agency, roles.COORDINATOR))

    assert client.post("/console/keep-pd/settings/logo/remove").status_code == 403

    db.session.refresh(agency)
    assert agency.logo_file_key is not None
    assert client.get("/keep-pd/logo").status_code == 200
    assert _events(agency, "agency.logo_removed") == []
