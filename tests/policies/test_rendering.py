from liaison.policies.rendering import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("Officers **shall**:\n\n- listen\n- respond")
    assert "<strong>shall</strong>" in html
    assert "<li>listen</li>" in html


def test_raw_html_in_policy_text_is_escaped():
    html = render_markdown("<script>alert(1)</script> <img src=x onerror=alert(1)>")
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "<img" not in html
