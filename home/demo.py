"""Demo home page for the fictional Blue Lamp Constabulary."""

from wagtail.models import Page, Site

from cms.demo import demo_image

from .models import HomePage


def load_home():
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific, site

    root = Page.get_first_root_node()
    home = HomePage.objects.first()
    if home is None:
        welcome = root.get_children().filter(slug="home").first()
        if welcome is not None:
            welcome.slug = "wagtail-welcome"
            welcome.save()
        home = HomePage(
            title="Home",
            slug="home",
            hero_heading="Keeping Blue Lamp’s communities safe",
            hero_text="News from across the force, and how you can volunteer with us: "
            "as a Special Constable, a Police Support Volunteer, a Cadet or through "
            "Mini Police in your school.",
            hero_image=demo_image("Officers on patrol at dusk", seed=1),
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    if site is None:
        site = Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Blue Lamp Constabulary",
        )
    else:
        site.root_page = home
        site.site_name = "Blue Lamp Constabulary"
        site.save()
    Page.objects.filter(slug="wagtail-welcome", depth=2).delete()
    return home, site
