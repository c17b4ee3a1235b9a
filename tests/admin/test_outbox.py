"""The embedded outbox in the operator console: the demo's way to read mail that was
written to disk instead of sent."""

import re

import pytest

from liaison.mail import send_message


@pytest.fixture
def mailed(app):
    with app.test_request_context():
        send_message(
            "someone@example.org", "Reset your Liaison password", "Open http://x/reset/abc"
        )


def test_the_operator_reads_the_outbox_newest_first(operator_client, mailed):
    listing = operator_client.get("/admin/outbox/").get_data(as_text=True)

    assert "someone@example.org" in listing
    assert "Reset your Liaison password" in listing
    (name,) = re.findall(r'href="/admin/outbox/([^"/]+\.eml)"', listing)
    message = operator_client.get(f"/admin/outbox/{name}").get_data(as_text=True)
    assert "Open [link removed]" in message


@pytest.mark.parametrize("name", ["..%2F..%2Fsecret_key", "not-a-message.eml", "x"])
def test_only_outbox_messages_can_be_opened(operator_client, mailed, name):
    assert operator_client.get(f"/admin/outbox/{name}").status_code == 404


def test_with_smtp_configured_there_is_no_outbox(app, operator_client, mailed, monkeypatch):
    monkeypatch.setitem(app.config, "SMTP_HOST", "mail.example.org")

    assert operator_client.get("/admin/outbox/").status_code == 404


def test_staff_who_are_not_operators_get_404(client, make_agency, make_user, login, mailed):
    login(make_user(make_agency(), "agency_admin"))

    assert client.get("/admin/outbox/").status_code == 404


def test_the_outbox_shows_a_redacted_body_without_the_set_password_link(operator_client, mailed):
    listing = operator_client.get("/admin/outbox/").get_data(as_text=True)
    (name,) = re.findall(r'href="/admin/outbox/([^"/]+\.eml)"', listing)

    message = operator_client.get(f"/admin/outbox/{name}").get_data(as_text=True)

    assert "someone@example.org" in message
    assert "Reset your Liaison password" in message
    assert "/reset/abc" not in message
    assert "link removed" in message


def test_the_demo_terminal_prints_each_messages_links(app, capfd):
    with app.test_request_context():
        send_message(
            "someone@example.org", "Reset your Liaison password", "Open http://x/reset/abc"
        )

    printed = capfd.readouterr().err
    assert "Outbox: to someone@example.org — Reset your Liaison password" in printed
    assert "  http://x/reset/abc" in printed
