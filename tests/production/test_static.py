"""With debug off the static files go through the manifest storage: `collectstatic` must build
it from the front-end build, and every main page must render with the hashed, compressed names
(with no manifest, the `{% static %}` tag raises and every HTML page is a 500)."""

import re

import pytest
from django.core.management import call_command
from django.test import Client, override_settings

from touchstone.core.models import Role
from touchstone.plans.tests.factories import sample_plan

pytestmark = pytest.mark.xdist_group("static")  # one worker builds the module's fixture, once

MANIFEST_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
HASHED = re.compile(r'(?:href|src)="(/static/[^"]+\.[0-9a-f]{12}\.(?:css|js|ico))"')


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=root, STORAGES=MANIFEST_STORAGES):
        call_command("collectstatic", interactive=False, verbosity=0)
    return root


@pytest.fixture
def manifest(static_root):
    with override_settings(STATIC_ROOT=static_root, STORAGES=MANIFEST_STORAGES, DEBUG=False):
        yield static_root


def test_collectstatic_writes_hashed_and_compressed_files(static_root):
    assert (static_root / "staticfiles.json").exists()
    for name in ("govuk/govuk-frontend.min", "moj/moj-frontend.min"):
        folder, stem = name.split("/")
        hashed = list((static_root / folder).glob(f"{stem}.*.css"))
        assert len(hashed) == 1, hashed
        assert hashed[0].with_name(hashed[0].name + ".gz").exists()
        assert not (static_root / folder / f"{stem}.css").exists()  # only hashed names kept
    # The JavaScript bundles keep their source maps, renamed with the bundle.
    assert list((static_root / "govuk").glob("all.bundle.js.*.map"))


def test_every_main_page_renders_with_hashed_static_files(
    manifest,
    register,
    organisation,
    make_user,
):
    staff = make_user("staffer", (organisation, Role.OFFICER))
    plan = sample_plan(organisation)
    anonymous, signed_in = Client(), Client()
    signed_in.force_login(staff)
    pages = [
        (anonymous, "/"),
        (anonymous, "/sign-in/"),
        (anonymous, "/register/"),
        (anonymous, "/register/?status=active"),
        (anonymous, f"/register/{register['john'].number}/"),
        (anonymous, "/api/v1/docs/"),
        (signed_in, "/"),
        (signed_in, "/plans/"),
        (signed_in, f"/plans/{plan.pk}/"),
        (signed_in, "/register/staff/"),
    ]
    for client, url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assets = HASHED.findall(html)
        if url != "/api/v1/docs/":
            assert any("govuk-frontend.min." in a for a in assets), url
            assert any("moj-frontend.min." in a for a in assets), url
            assert any("all.bundle." in a for a in assets), url
        for asset in assets:
            assert (manifest / asset.removeprefix("/static/")).exists(), (url, asset)
