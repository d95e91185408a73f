"""News in the rest of the site: the related news below any page that names a news topic."""

from wagtail import hooks

from .templatetags.news_tags import latest_news


@hooks.register("related_content")
def related_news(context, page):
    """Cards of the newest articles in the page's `news_topic`, for {% related_content %}."""
    topic = getattr(page, "news_topic", "")
    if not topic:
        return ""
    values = latest_news(context, count=3, topic=topic, heading="Related news")
    template = context.template.engine.get_template("news/includes/latest_news.html")
    return template.render(context.new(values))
