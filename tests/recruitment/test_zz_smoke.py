import pytest

from recruitment.models import Draft, MiniPoliceRegistration, SpecialConstableApplication

pytestmark = pytest.mark.django_db


def test_smoke(client, specials_page, mini_page, special_answers, mini_answers, submit):
    r = client.get(specials_page.url)
    assert r.status_code == 200, r.content
    html = r.content.decode()
    assert "csrfmiddlewaretoken" not in html
    r = submit(specials_page, special_answers, follow=True)
    assert r.status_code == 200, r.content.decode()[:3000]
    assert SpecialConstableApplication.objects.count() == 1
    r = submit(mini_page, mini_answers, follow=True)
    import re

    assert MiniPoliceRegistration.objects.count() == 1, re.findall(
        r"error-message.*", r.content.decode()
    )
    assert Draft.objects.count() == 0
