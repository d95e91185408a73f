"""An image whose original file is missing (lost from storage, a failed restore) never takes a
page down: the page is served without it and a warning names it."""

import logging
import os

from django.test import Client

from news.factories import NewsArticlePageFactory


def test_a_missing_original_image_leaves_the_card_without_a_picture_not_a_500(
    news_index, areas, caplog
):
    article = NewsArticlePageFactory(
        parent=news_index,
        title="Road closure in Riverside",
        area=areas["riverside"],
        with_image=True,
    )
    os.remove(article.hero_image.file.path)
    visitor = Client(raise_request_exception=False)
    with caplog.at_level(logging.WARNING, logger="cms.renditions"):
        home = visitor.get("/")
        listing = visitor.get("/news/")
        page = visitor.get(article.url)
    assert home.status_code == listing.status_code == page.status_code == 200
    for response in (home, listing):
        html = response.content.decode()
        assert "Road closure in Riverside" in html
        assert 'class="card__image"' not in html
    article_html = page.content.decode()
    assert "Road closure in Riverside" in article_html
    assert "news-article__hero" not in article_html  # no figure, not a broken picture
    assert "not-found" not in article_html
    warnings = [r.getMessage() for r in caplog.records if r.name == "cms.renditions"]
    assert warnings and all("original file is missing" in w for w in warnings)
    assert article.hero_image.title in warnings[0]
