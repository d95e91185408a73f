"""`{% fragment %}`: a piece of template rendered once per page-cache generation.

    {% load fragment_tags %}
    {% fragment "footer" request.get_host %}...{% endfragment %}

The rendered HTML is kept under the name and the values after it (which must say everything
the piece depends on: the site's host, the section being read, the card's page), with the
same freshness as the site chrome (`cms.page_cache.remember`): a publish or settings change
starts a new generation, and each piece is rendered again once. An empty value among the
key's parts means "this request is not like the others": the piece is rendered, not kept;
so is every piece of a preview, which may show a draft.
"""

from django import template
from django.utils.safestring import mark_safe

from cms import page_cache

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        parts = [part.resolve(context) for part in self.parts]
        previewing = getattr(context.get("request"), "is_preview", False)
        if previewing or any(part is None or part == "" for part in parts):
            return self.nodelist.render(context)
        name = ":".join(["html", self.name.resolve(context), *map(str, parts)])
        return mark_safe(page_cache.remember(name, lambda: str(self.nodelist.render(context))))  # noqa: S308 - our own template's output


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(
            f"{bits[0]} needs a name and at least one value the piece depends on"
        )
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
