"""Public shell pages keep a fixed number of queries, however much content exists."""

import pytest

from home.models import DepartmentHotline, DepartmentSettings, HomePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _uncached_pages(settings):
    """Budgets are for pages built from scratch, not for page-cache hits."""
    settings.PAGE_CACHE_ENABLED = False


HOME_BUDGET = 8


def _add_content(home_id, start, count):
    contacts = DepartmentSettings.objects.get()
    DepartmentHotline.objects.bulk_create(
        DepartmentHotline(settings=contacts, kind="post", name=f"Pos {i}", number=f"0741-{i:06d}")
        for i in range(start, start + count)
    )
    for i in range(start, start + count):
        child = home_id.add_child(
            instance=HomePage(title=f"Halaman {i}", slug=f"halaman-{i}", emergency_heading="x", report_heading="y")
        )
        child.show_in_menus = i % 2 == 0
        child.save_revision().publish()


@pytest.mark.parametrize("path", ["/id/", "/en/", "/id/accounts/login/"])
def test_shell_pages_have_a_flat_query_count(client, home_id, django_assert_max_num_queries, path):
    _add_content(home_id, 0, 2)
    client.get(path)  # warm caches such as the site root paths
    with django_assert_max_num_queries(HOME_BUDGET) as small:
        assert client.get(path).status_code == 200
    _add_content(home_id, 2, 25)
    client.get(path)
    with django_assert_max_num_queries(HOME_BUDGET) as large:
        assert client.get(path).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)
