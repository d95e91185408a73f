"""Demo home page for the fictional Blue Lamp Constabulary."""

from wagtail.models import Page, Site

from cms.demo import demo_image
from cms.site_address import apply_configured_address, configured_address

from .models import HomePage, HomePageProgrammePromo

QUICK_LINKS = [
    (
        "Volunteer with us",
        "/volunteer/",
        "Special Constables, support volunteers, cadets and Mini Police.",
    ),
    ("Latest news", "/news/", "Appeals, arrests and updates from across the force."),
    (
        "Staying safe online",
        "/safety/",
        "What the Leave this site button does, and how to hide your visit.",
    ),
    (
        "Find your neighbourhood team",
        "https://www.police.uk/",
        "Look up your local officers and crime in your area on police.uk.",
    ),
]
PROMOTED_PROGRAMMES = ["special-constables", "police-support-volunteers", "cadets", "mini-police"]


def load_home():
    """Make a HomePage the root of the default site, on its configured address."""
    site = Site.objects.filter(is_default_site=True).first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific, apply_configured_address(site)

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
            hero_image=demo_image("Officers on patrol at dusk", scene="patrol", seed=1),
            hero_link_text="Find out how to volunteer",
            quick_links_heading="How can we help?",
            quick_links=[
                ("link", {"text": text, "page": None, "url": url, "description": description})
                for text, url, description in QUICK_LINKS
            ],
            promos_heading="Volunteer with us",
            promos_intro="Give your time to keep your community safe, whatever your age.",
        )
        root.add_child(instance=home)
        home.save_revision().publish()

    if site is None:
        hostname, port = configured_address()
        site = Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Blue Lamp Constabulary",
        )
    else:
        site.root_page = home
        site.site_name = "Blue Lamp Constabulary"
        site.hostname, site.port = configured_address()
        site.save()
    Page.objects.filter(slug="wagtail-welcome", depth=2).delete()
    return home, site


def load_home_promotions(home):
    """Promote the four programmes on the home page and point the hero at /volunteer/.

    Runs after the programmes exist; leaves a home page alone once it has promotions.
    """
    home = HomePage.objects.get(pk=home.pk)
    if home.programme_promos.exists():
        return
    volunteer = home.get_children().filter(slug="volunteer").first()
    if volunteer is None:
        return
    programmes = {page.slug: page.specific for page in volunteer.get_children()}
    home.programme_promos = [
        HomePageProgrammePromo(programme=programmes[slug])
        for slug in PROMOTED_PROGRAMMES
        if slug in programmes
    ]
    if home.hero_link_page_id is None:
        home.hero_link_page = volunteer
    home.save_revision().publish()
