"""Data: the demo corpus's fictional outlets, their language, time zone and how they are collected.

Every outlet name and domain is invented for the demo; any resemblance to a real publication is
coincidental. Domains use real top-level domains so that registered-domain extraction works.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Outlet:
    """A fictional outlet: where its pages go (channel) and how its pages are dated."""

    domain: str
    name: str
    language: str
    country: str  # ISO 3166 code; XN = fictional Republic of Norland, XE = fictional Estovian Federation
    tz: str  # IANA zone its published times are stated in
    channel: str  # html | warc | feed | wire
    template: str = "a"  # a | b | nodate (no published_time meta: the WARC date is the only date)
    date_in_url: bool = True
    syndicates: bool = False  # carries the wire agency's copy

    @property
    def base_url(self) -> str:
        """The outlet's home page URL."""
        return f"https://www.{self.domain}"


OUTLETS: tuple[Outlet, ...] = (
    # --- English -------------------------------------------------------------------------------
    Outlet("cpa-wire.com", "Continental Press Agency", "en", "GB", "UTC", "wire", date_in_url=False),
    Outlet("dailymeridian.com", "The Daily Meridian", "en", "GB", "Europe/London", "html", syndicates=True),
    Outlet("harbourtimes-online.co.uk", "Harbour Times", "en", "GB", "Europe/London", "html", "b",
           syndicates=True),
    Outlet("northgate-observer.com", "Northgate Observer", "en", "US", "America/New_York", "feed"),
    Outlet("globalledger-news.com", "Global Ledger", "en", "US", "UTC", "html", syndicates=True),
    Outlet("eastern-dispatch.net", "Eastern Dispatch", "en", "GB", "UTC", "warc", syndicates=True),
    Outlet("lakeshore-courier.com", "Lakeshore Courier", "en", "US", "America/Chicago", "html", "b",
           date_in_url=False, syndicates=True),
    Outlet("pinecrest-gazette.com", "Pinecrest Gazette", "en", "US", "America/New_York", "html",
           syndicates=True),
    Outlet("continental-review.org", "The Continental Review", "en", "GB", "Europe/London", "html",
           syndicates=True),
    Outlet("brightwater-post.com", "Brightwater Post", "en", "CA", "UTC", "html", "b", syndicates=True),
    Outlet("capitalwire-daily.com", "Capital Wire Daily", "en", "US", "America/New_York", "warc"),
    Outlet("southbank-chronicle.co.uk", "Southbank Chronicle", "en", "GB", "Europe/London", "html",
           date_in_url=False, syndicates=True),
    # --- Ukrainian (fictional Norland) ---------------------------------------------------------
    Outlet("pivnichni-visti.info", "Північні вісті", "uk", "XN", "Europe/Kyiv", "html"),
    Outlet("stepovyi-kurier.com", "Степовий кур'єр", "uk", "XN", "Europe/Kyiv", "html", "b"),
    Outlet("norlandska-hazeta.com", "Норландська газета", "uk", "XN", "Europe/Kyiv", "html"),
    Outlet("holos-kraiu.net", "Голос краю", "uk", "XN", "Europe/Kyiv", "html", date_in_url=False),
    Outlet("vechirnii-chas.com", "Вечірній час", "uk", "XN", "Europe/Kyiv", "html", "b"),
    Outlet("novyny-pivnochi.info", "Новини півночі", "uk", "XN", "Europe/Kyiv", "warc"),
    Outlet("kraiovyi-ohliad.com", "Крайовий огляд", "uk", "XN", "Europe/Kyiv", "html"),
    Outlet("radio-svitanok.net", "Радіо Світанок", "uk", "XN", "Europe/Kyiv", "html", "b", date_in_url=False),
    # --- Russian (fictional Estovian Federation) -----------------------------------------------
    Outlet("estovskie-vesti.com", "Эстовские вести", "ru", "XE", "Europe/Moscow", "html"),
    Outlet("federalnoe-obozrenie.net", "Федеральное обозрение", "ru", "XE", "Europe/Moscow", "html", "b"),
    Outlet("vecherniy-telegraf.info", "Вечерний телеграф", "ru", "XE", "Europe/Moscow", "html"),
    Outlet("severnyi-vestnik.org", "Северный вестник", "ru", "XE", "Europe/Moscow", "html", date_in_url=False),
    Outlet("den-za-dnem.net", "День за днём", "ru", "XE", "Europe/Moscow", "warc", "nodate", date_in_url=False),
    Outlet("glavnoe-24.com", "Главное 24", "ru", "XE", "Europe/Moscow", "html", "b"),
    Outlet("ekspress-lenta.com", "Экспресс-лента", "ru", "XE", "Europe/Moscow", "html"),
    # --- German -------------------------------------------------------------------------------
    Outlet("weltblick-heute.de", "Weltblick heute", "de", "DE", "Europe/Berlin", "html"),
    Outlet("abendpost-kronau.de", "Abendpost Kronau", "de", "DE", "Europe/Berlin", "html", "b"),
    Outlet("morgenlicht-zeitung.de", "Morgenlicht Zeitung", "de", "DE", "Europe/Berlin", "html",
           date_in_url=False),
    Outlet("bergstadt-rundschau.de", "Bergstadt Rundschau", "de", "DE", "Europe/Berlin", "warc"),
    Outlet("alpenblick-nachrichten.at", "Alpenblick Nachrichten", "de", "AT", "Europe/Vienna", "html"),
    # --- Polish -------------------------------------------------------------------------------
    Outlet("kurier-nadwislanski.pl", "Kurier Nadwiślański", "pl", "PL", "Europe/Warsaw", "html"),
    Outlet("glos-poranny.pl", "Głos Poranny", "pl", "PL", "Europe/Warsaw", "html", "b"),
    Outlet("wiadomosci-znad-odry.pl", "Wiadomości znad Odry", "pl", "PL", "Europe/Warsaw", "html",
           date_in_url=False),
    Outlet("tygodnik-brzask.pl", "Tygodnik Brzask", "pl", "PL", "Europe/Warsaw", "html"),
    # --- French -------------------------------------------------------------------------------
    Outlet("le-veilleur-quotidien.fr", "Le Veilleur quotidien", "fr", "FR", "Europe/Paris", "html"),
    Outlet("echo-des-plaines.fr", "L'Écho des plaines", "fr", "FR", "Europe/Paris", "html", "b"),
    Outlet("nouvelles-du-matin.fr", "Nouvelles du matin", "fr", "FR", "Europe/Paris", "warc", "nodate",
           date_in_url=False),
    # --- Spanish ------------------------------------------------------------------------------
    Outlet("el-faro-del-sur.es", "El Faro del Sur", "es", "ES", "Europe/Madrid", "html"),
    Outlet("diario-la-cumbre.co", "Diario La Cumbre", "es", "CO", "America/Bogota", "html", "b"),
    Outlet("noticias-del-altiplano.pe", "Noticias del Altiplano", "es", "PE", "America/Lima", "warc"),
)

#: The wire agency whose stories other outlets carry near-verbatim.
WIRE_DOMAIN = "cpa-wire.com"
#: The outlet whose collection stops for several days near the end (the planted collection gap).
GAP_DOMAIN = "pivnichni-visti.info"

#: Fictional author names per language, picked per article deterministically.
AUTHORS: dict[str, tuple[str, ...]] = {
    "en": ("Clara Whitmore", "Daniel Ashby", "Priya Norcott", "Samuel Reyes", "Helen Varga", "Tom Ellery"),
    "uk": ("Оксана Мельничук", "Андрій Гайдай", "Марія Соловей", "Тарас Бойчук", "Ірина Лозова"),
    "ru": ("Алексей Воронцов", "Наталья Кречет", "Сергей Луговой", "Ольга Белкина", "Павел Стрижов"),
    "de": ("Katrin Albers", "Jonas Feldmann", "Miriam Ostwald", "Lukas Brandt"),
    "pl": ("Agnieszka Wrona", "Piotr Zalewicz", "Magdalena Kruk", "Tomasz Lis-Borowy"),
    "fr": ("Camille Delorme", "Julien Marchetti", "Sophie Arnaud"),
    "es": ("Lucía Ferrán", "Mateo Quiroga", "Valeria Ocampo"),
}


def outlet_by_domain(domain: str) -> Outlet:
    """The outlet with this domain (KeyError when unknown)."""
    for outlet in OUTLETS:
        if outlet.domain == domain:
            return outlet
    raise KeyError(domain)
