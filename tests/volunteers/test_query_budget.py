"""Trainings pages: at most 10 queries when built, a flat count however many
trainings are scheduled, and stored by the page cache until seats change."""

import pytest

from volunteers import seats

pytestmark = pytest.mark.django_db

BUDGET = 10


def _queries(client, url, django_assert_max_num_queries):
    client.get(url)  # per-process caches (locales, routes), as a running worker has them
    with django_assert_max_num_queries(BUDGET) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def uncached(settings):
    settings.PAGE_CACHE_ENABLED = False


@pytest.mark.parametrize("which", ["index", "training"])
def test_trainings_pages_have_a_flat_query_count(
    client, uncached, trainings_index, make_training, make_volunteer, django_assert_max_num_queries, which
):
    first = make_training(capacity=5)
    seats.register(first, make_volunteer().user)
    for days in range(2):
        make_training(days=20 + days)
    make_training(days=-3)  # a past one
    url = trainings_index.url if which == "index" else first.url
    small = _queries(client, url, django_assert_max_num_queries)
    for days in range(27):
        make_training(days=30 + days)
    assert _queries(client, url, django_assert_max_num_queries) == small


def test_upcoming_trainings_are_paginated(client, uncached, trainings_index, make_training):
    for days in range(trainings_index.UPCOMING_PER_PAGE + 2):
        make_training(days=5 + days, title=f"Sesi nomor {days:02d}")
    html = client.get(trainings_index.url).content.decode()
    assert "Sesi nomor 00" in html and "Sesi nomor 13" not in html
    assert 'rel="next"' in html and 'href="?page=2"' in html
    second = client.get(trainings_index.url + "?page=2").content.decode()
    assert "Sesi nomor 13" in second and 'rel="prev"' in second
    title = second[second.index("<title>") : second.index("</title>")]
    assert "Halaman 2 dari 2" in title
    # Bad page numbers answer a page of the list, never an error.
    for bad in ["abc", "0", "-1", "999", "1.5"]:
        assert client.get(trainings_index.url + f"?page={bad}").status_code == 200
    assert client.get(trainings_index.url + "?page=%00").status_code == 400  # refused before the view


def test_trainings_pages_are_cached_until_seats_change(
    client, trainings_index, make_training, make_volunteer, django_assert_num_queries
):
    training = make_training(capacity=3)
    for url in (trainings_index.url, training.url):
        first = client.get(url)
        assert first["X-Page-Cache"] == "miss"
        # Browsers and proxies revalidate (seats change); only the application keeps it.
        assert "must-revalidate" in first["Cache-Control"] and "public" not in first["Cache-Control"]
        with django_assert_num_queries(0):
            second = client.get(url)
        assert second["X-Page-Cache"] == "hit" and second.content == first.content
    assert "Sisa 3 dari 3 kursi" in client.get(training.url).content.decode()

    seats.register(training, make_volunteer().user)
    after = client.get(training.url)
    assert after["X-Page-Cache"] == "miss"
    assert "Sisa 2 dari 3 kursi" in after.content.decode()
