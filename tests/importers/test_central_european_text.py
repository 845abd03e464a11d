"""Central European text in Windows-1250 or ISO-8859-2, saved without saying so, imports
word for word, and Western European text in Windows-1252 or Latin-1 still does.

Czech read as Windows-1252 is made only of Western letters ("Èeská vláda ve støedu"),
so these check that the reading fitting one real language wins, not any Latin letters.
"""

from __future__ import annotations

import pytest

from briefer.importers.base import ImportLimits
from briefer.importers.encoding import decode_text
from briefer.importers.html import HtmlImporter
from briefer.importers.text import TextImporter

# (language, title, paragraphs), in Windows-1250 and ISO-8859-2 alike.
CENTRAL = [
    (
        "cs",
        "Vláda schválila zákon o obnovitelných zdrojích",
        [
            "Česká vláda ve středu schválila návrh zákona o podpoře obnovitelných zdrojů"
            " energie. Podle ministra průmyslu a obchodu má nová úprava zjednodušit"
            " povolování větrných elektráren a zkrátit lhůty, které dnes trvají i osm let.",
            "Opozice namítá, že zákon nepočítá s dostatečnou ochranou krajiny a že obce"
            " budou mít při rozhodování jen omezené slovo.",
        ],
    ),
    (
        "cs",
        "Nemocnice otevřela dětskou chirurgii",
        [
            "Fakultní nemocnice v Olomouci otevřela nové oddělení dětské chirurgie. Lékaři"
            " tu budou ošetřovat zlomeniny, popáleniny i vrozené vady a čekací doby se podle"
            " ředitele zkrátí zhruba o třetinu. Rodiče mohou na pokoji s dětmi přespat."
        ],
    ),
    (
        "cs",
        "Česko koupí stíhačky",
        [
            "Hokejisté Třince porazili v prvním finálovém zápase Pardubice 3:2 po"
            " prodloužení. Rozhodující gól vstřelil v šesté minutě útočník, který se vrátil"
            " po zranění kolena."
        ],
    ),
    (
        "sk",
        "Polícia zadržala podozrivých z podvodu",
        [
            "Slovenská polícia v piatok zadržala troch podozrivých z podvodu s eurofondmi."
            " Podľa vyšetrovateľov vylákali z európskych fondov viac ako dva milióny eur na"
            " projekty, ktoré nikdy neexistovali. Obvineným hrozí trest odňatia slobody až"
            " na dvanásť rokov."
        ],
    ),
    (
        "sk",
        "Rekordná sezóna v Tatrách",
        [
            "Vysoké Tatry zaznamenali v lete rekordnú návštevnosť. Chaty pod Gerlachovským"
            " štítom boli vypredané už v máji a horská služba zasahovala takmer dvestokrát,"
            " najčastejšie pri úrazoch na zľadovatených chodníkoch."
        ],
    ),
    (
        "sk",
        "Rozpočet na budúci rok",
        [
            # No ľ, ô or ä: Slovak told by the letters it shares with Czech.
            "Vláda schválila návrh zákona o štátnom rozpočte na budúci rok. Minister"
            " financií uviedol, že deficit klesne pod tri percentá hrubého domáceho produktu"
            " a výdavky na zdravotníctvo sa zvýšia o štvrtinu. Opozícia tvrdí, že čísla sú"
            " nereálne a že vláda nepočíta s nižším rastom ekonomiky."
        ],
    ),
    (
        "hu",
        "Emelkedik a minimálbér",
        [
            "A magyar kormány szerdán bejelentette, hogy jövő évtől emeli a minimálbért. A"
            " szakszervezetek szerint az emelés nem követi az infláció ütemét, a munkáltatók"
            " viszont attól tartanak, hogy a kisebb vállalkozások nem tudják kigazdálkodni"
            " a többletköltséget."
        ],
    ),
    (
        "hu",
        "Tetőzik a Duna",
        [
            "Budapesten a Duna vízszintje hétfőre elérte a hét méter ötven centimétert. A"
            " fővárosi védekezési bizottság lezárta az alsó rakpartokat, és homokzsákokkal"
            " erősítik a gátakat a Szentendrei-szigeten."
        ],
    ),
    (
        "sl",
        "Nov zakon o varstvu okolja",
        [
            "Slovenska vlada je v četrtek sprejela nov zakon o varstvu okolja. Po besedah"
            " ministrice bodo podjetja morala do leta 2030 zmanjšati izpuste toplogrednih"
            " plinov za četrtino, občine pa bodo dobile več denarja za čiščenje rek.",
            "Kmetje opozarjajo, da bodo stroški preveliki.",
        ],
    ),
    (
        "sl",
        "Prenovljena postaja v Ljubljani",
        [
            "V Ljubljani so odprli prenovljeno železniško postajo. Vlaki bodo odslej vozili"
            " pogosteje, vozovnice pa bo mogoče kupiti tudi prek mobilnega telefona."
        ],
    ),
    (
        "hr",
        "Obnova kuća nakon potresa",
        [
            "Hrvatska vlada u srijedu je predstavila plan obnove kuća oštećenih u potresu."
            " Prema riječima ministra, država će vlasnicima nadoknaditi troškove do"
            " osamdeset posto, a radovi bi trebali završiti do kraja sljedeće godine.",
            "Gradonačelnik Petrinje kaže da će mnoge obitelji i dalje živjeti u kontejnerima.",
        ],
    ),
    (
        "hr",
        "Sezona je počela ranije",
        [
            "Turistička sezona na Jadranu počela je ranije nego prošle godine. U Dubrovniku i"
            " Splitu hoteli su popunjeni već u svibnju, a trajekti prema otocima voze češće."
        ],
    ),
    (
        "pl",
        "Ustawa o ochronie sygnalistów",
        [
            "Rząd przyjął we wtorek projekt ustawy o ochronie sygnalistów. Według ministra"
            " sprawiedliwości nowe przepisy mają chronić pracowników, którzy zgłaszają"
            " nieprawidłowości w urzędach i firmach. Związki zawodowe twierdzą jednak, że"
            " ochrona jest zbyt słaba, a kary dla pracodawców – za niskie."
        ],
    ),
    (
        "pl",
        "Opóźniony pociąg",
        [
            "Pociąg z Gdańska do Krakowa spóźnił się o dwie godziny z powodu awarii sieci"
            " trakcyjnej. Pasażerowie czekali na peronie w Łodzi bez informacji."
        ],
    ),
    (
        "ro",
        "Bugetul pe anul viitor",
        [
            "Guvernul a aprobat miercuri bugetul pe anul viitor. Potrivit ministrului"
            " finanţelor, deficitul va scădea sub trei la sută, iar pensiile vor creşte cu"
            " zece procente începând din ianuarie."
        ],
    ),
]

# (language, title, paragraphs), in Windows-1252 and Latin-1 (where it has the characters).
WESTERN = [
    (
        "fr",
        "La piscine sera rénovée",
        [
            "Le conseil municipal a voté mercredi la rénovation complète de la piscine"
            " olympique. Les travaux, estimés à douze millions d’euros, débuteront à"
            " l’automne et dureront près de deux ans ; pendant ce temps, les clubs"
            " s’entraîneront à Évry.",
            "« C’est une décision très attendue », a déclaré la maire, qui promet des tarifs"
            " réduits pour les élèves.",
        ],
    ),
    (
        "de",
        "Netzausbau soll schneller gehen",
        [
            "Die Bundesregierung will den Ausbau der Stromnetze beschleunigen. Künftig sollen"
            " Genehmigungsverfahren für Überlandleitungen höchstens zwei Jahre dauern, teilte"
            " das Wirtschaftsministerium am Dienstag mit. Naturschützer kritisieren, dass die"
            " Öffentlichkeit weniger Möglichkeiten habe, Einwände zu erheben."
        ],
    ),
    (
        "es",
        "Sevilla plantará diez mil árboles",
        [
            "El ayuntamiento de Sevilla aprobó el martes un plan para plantar diez mil"
            " árboles en los barrios más calurosos de la ciudad. Según la concejala de Medio"
            " Ambiente, la sombra podría reducir la temperatura de las calles hasta en cuatro"
            " grados. ¿Será suficiente? Los vecinos piden además más fuentes públicas."
        ],
    ),
    (
        "pt",
        "Novo programa de habitação",
        [
            "O governo português anunciou na quinta-feira um novo programa de habitação para"
            " jovens. As câmaras municipais poderão construir casas com rendas acessíveis em"
            " terrenos públicos, e as obras deverão começar no próximo ano. A oposição"
            " considera que as medidas são insuficientes e chegam tarde."
        ],
    ),
    (
        "it",
        "Bologna approva il piano per la mobilità",
        [
            "Il consiglio comunale di Bologna ha approvato lunedì il nuovo piano per la"
            " mobilità. Entro il 2027 la città avrà più piste ciclabili e il limite di"
            " velocità scenderà a trenta chilometri orari. Perché è necessario? Secondo il"
            " sindaco, così diminuiranno gli incidenti e l’aria sarà più pulita."
        ],
    ),
    (
        "ca",
        "Nova ordenança sobre pisos turístics",
        [
            "L’Ajuntament de Barcelona ha aprovat aquest dimecres una nova ordenança sobre"
            " els pisos turístics. Segons la regidora d’Habitatge, la mesura permetrà"
            " recuperar més de mil habitatges per als veïns i reduirà la pressió sobre els"
            " lloguers. La col·lecció municipal obrirà al públic."
        ],
    ),
    (
        "da",
        "Flere penge til sygehusene",
        [
            "Regeringen vil bruge to milliarder kroner på at forbedre de danske sygehuse."
            " Ifølge sundhedsministeren skal pengene især gå til flere sygeplejersker og"
            " kortere ventetid på operationer. Både lægerne og patientforeningerne har længe"
            " efterlyst en større indsats på området."
        ],
    ),
    (
        "no",
        "Ny lov om vindkraft",
        [
            "Stortinget vedtok tirsdag en ny lov om vindkraft på land. Kommunene får nå"
            " større innflytelse over hvor turbinene skal stå, og grunneiere skal få bedre"
            " erstatning. Flere lokalsamfunn i Trøndelag har protestert mot utbyggingen,"
            " særlig på grunn av naturinngrep. Ministeren fikk en idé: en kafé for"
            " turbinarbeidere."
        ],
    ),
    (
        "sv",
        "Sänkt skatt på bensin",
        [
            "Regeringen föreslår att skatten på bensin och diesel sänks med en krona per"
            " liter från och med årsskiftet. Enligt finansministern ska sänkningen hjälpa"
            " hushåll på landsbygden, där många är beroende av bilen. Miljöpartiet kallar"
            " förslaget ett steg åt fel håll."
        ],
    ),
    (
        "en",
        "Talks in the harbour café",
        [
            "The delegation, led by José Müller and Søren Ågård, met officials from Kraków"
            " and São Paulo at the café near the harbour. “We expect a deal by Friday,” said"
            " Françoise Lefèvre, who chairs the committee."
        ],
    ),
]


def _cases(
    texts: list[tuple[str, str, list[str]]], encodings: tuple[str, str]
) -> list[tuple[str, str, list[str], str]]:
    """Each text in each encoding that can write it (curly quotes and "€" are not in
    Latin-1 or ISO-8859-2, so those texts are tried in the Windows page alone)."""
    return [
        (language, title, paragraphs, encoding)
        for language, title, paragraphs in texts
        for encoding in encodings
        if _writable("\n".join([title, *paragraphs]), encoding)
    ]


def _writable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


CASES = _cases(CENTRAL, ("cp1250", "iso8859-2")) + _cases(WESTERN, ("cp1252", "latin-1"))
IDS = [f"{language}-{encoding}-{title[:12]}" for language, title, _, encoding in CASES]


def _encoded(text: str, encoding: str) -> bytes:
    return text.encode(encoding)


@pytest.mark.parametrize(("language", "title", "paragraphs", "encoding"), CASES, ids=IDS)
def test_undeclared_text_file_imports_word_for_word(
    language: str, title: str, paragraphs: list[str], encoding: str
) -> None:
    body = "\n\n".join(paragraphs)
    data = _encoded(f"{title}\n\n{body}\n", encoding)
    article = TextImporter().extract(data, f"{language}.txt", ImportLimits())
    assert (article.title, article.text) == (title, body)


@pytest.mark.parametrize(("language", "title", "paragraphs", "encoding"), CASES, ids=IDS)
def test_page_without_charset_imports_word_for_word(
    language: str, title: str, paragraphs: list[str], encoding: str
) -> None:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = (
        f"<html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}</article></body></html>"
    )
    article = HtmlImporter().extract(_encoded(page, encoding), "page.html", ImportLimits())
    assert article.title == title
    assert article.text == "\n\n".join([title, *paragraphs])


@pytest.mark.parametrize(
    "text",
    [
        "Příliš žluťoučký kůň úpěl ďábelské ódy.", "Povodně zasáhly jižní Moravu",
        "Ceny másla vzrostly o čtvrtinu.", "Vláda schválila rozpočet na budúci rok.",
        "Ďalšie kolo rokovaní sa uskutoční v stredu.", "Árvíztűrő tükörfúrógép",
        "Ötven éve nyílt meg az új híd.", "Ob Soči so našli starodavni meč.",
        "Đurđevac: kuća prodana za milijun eura", "Zażółć gęślą jaźń.",
        "Źródło: ministerstwo finansów",
    ],
)  # fmt: skip
def test_short_central_european_text_reads_as_written(text: str) -> None:
    """A line or two is enough when its letters belong together in one language only:
    "rozpoèet" has Slovak á beside French è, "Povodnì" Czech ž beside Italian ì."""
    for encoding in ("cp1250", "iso8859-2"):
        assert decode_text(text.encode(encoding))[0] == text


@pytest.mark.parametrize(
    "text",
    [
        "La crème brûlée du chef a remporté le premier prix.", "Où est la gare ?",
        "Très bientôt, à Noël.", "Une fenêtre sur la forêt, près de Genève.",
        "Schöne Grüße aus München", "Año nuevo, vida nueva.", "Não há pão sem trabalho.",
        "Lunedì è già tardi, però.", "Rødgrød med fløde", "Ærø og Fanø",
        "Blåbær og kjøttkaker", "Smörgåsbord på ön", "på väg hem",
        "the naïve rôle of the protégé",
    ],
)  # fmt: skip
def test_short_western_text_keeps_its_reading(text: str) -> None:
    """Danish ø and French è are what Czech ř and č become in Windows-1252, and French
    à what Slovak ŕ becomes, but each text here fits its own language's letters."""
    assert decode_text(text.encode("cp1252"))[0] == text
