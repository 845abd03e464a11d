"""The places news by-lines and datelines name, so that "By Jane Smith, New York" is read
as one writer and where she wrote from, not as two authors.

Countries, the world's capitals, US states and the cities news is filed from, in the
spellings by-lines use (English, the local one, and a few older or foreign forms),
compared without case, accents or dots ("WASHINGTON", "Sao Paulo", "Zurich", "D.C.").
Standard library only; importers use it, nothing here imports them.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_COUNTRIES = """
Afghanistan; Albania; Algeria; Andorra; Angola; Antigua and Barbuda; Argentina; Armenia;
Australia; Austria; Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium;
Belize; Benin; Bhutan; Bolivia; Bosnia and Herzegovina; Bosnia; Botswana; Brazil; Brasil;
Brunei; Bulgaria; Burkina Faso; Burundi; Cambodia; Cameroon; Canada; Cape Verde; Cabo Verde;
Central African Republic; Chad; Chile; China; Colombia; Comoros; Congo; Republic of the Congo;
Democratic Republic of the Congo; DR Congo; DRC; Costa Rica; Côte d'Ivoire; Ivory Coast;
Croatia; Cuba; Cyprus; Czech Republic; Czechia; Denmark; Djibouti; Dominica;
Dominican Republic; East Timor; Timor-Leste; Ecuador; Egypt; El Salvador; Equatorial Guinea;
Eritrea; Estonia; Eswatini; Swaziland; Ethiopia; Fiji; Finland; France; Gabon; Gambia;
Georgia; Germany; Deutschland; Ghana; Greece; Grenada; Guatemala; Guinea; Guinea-Bissau;
Guyana; Haiti; Honduras; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel;
Italy; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kiribati; Kosovo; Kuwait; Kyrgyzstan; Laos;
Latvia; Lebanon; Lesotho; Liberia; Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar;
Malawi; Malaysia; Maldives; Mali; Malta; Marshall Islands; Mauritania; Mauritius; Mexico;
Micronesia; Moldova; Monaco; Mongolia; Montenegro; Morocco; Mozambique; Myanmar; Burma;
Namibia; Nauru; Nepal; Netherlands; Holland; New Zealand; Nicaragua; Niger; Nigeria;
North Korea; North Macedonia; Macedonia; Norway; Oman; Pakistan; Palau; Palestine;
Palestinian Territories; Gaza; Gaza Strip; West Bank; Panama; Papua New Guinea; Paraguay;
Peru; Philippines; Poland; Portugal; Qatar; Romania; Russia; Russian Federation; Rwanda;
Saint Kitts and Nevis; Saint Lucia; Saint Vincent and the Grenadines; Samoa; San Marino;
São Tomé and Príncipe; Saudi Arabia; Senegal; Serbia; Seychelles; Sierra Leone; Singapore;
Slovakia; Slovenia; Solomon Islands; Somalia; Somaliland; South Africa; South Korea; Korea;
South Sudan; Spain; España; Sri Lanka; Sudan; Suriname; Sweden; Switzerland; Syria; Taiwan;
Tajikistan; Tanzania; Thailand; Togo; Tonga; Trinidad and Tobago; Tunisia; Turkey; Türkiye;
Turkmenistan; Tuvalu; Uganda; Ukraine; United Arab Emirates; UAE; United Kingdom; UK;
Britain; Great Britain; England; Scotland; Wales; Northern Ireland; United States;
United States of America; US; USA; America; Uruguay; Uzbekistan; Vanuatu; Vatican City;
Vatican; Venezuela; Vietnam; Viet Nam; Yemen; Zambia; Zimbabwe; Hong Kong; Macau; Macao;
Puerto Rico; Greenland; Western Sahara; Crimea; Kashmir; Tibet; Xinjiang; Catalonia;
Kurdistan
"""
_CAPITALS = """
Kabul; Tirana; Algiers; Andorra la Vella; Luanda; St. John's; Buenos Aires; Yerevan;
Canberra; Vienna; Baku; Nassau; Manama; Dhaka; Bridgetown; Minsk; Brussels; Belmopan;
Porto-Novo; Cotonou; Thimphu; La Paz; Sucre; Sarajevo; Gaborone; Brasília; Bandar Seri Begawan;
Sofia; Ouagadougou; Gitega; Bujumbura; Phnom Penh; Yaoundé; Ottawa; Praia; Bangui; N'Djamena;
Santiago; Beijing; Bogotá; Moroni; Kinshasa; Brazzaville; San José; Yamoussoukro; Zagreb;
Havana; Nicosia; Prague; Copenhagen; Roseau; Santo Domingo; Dili; Quito; Cairo; San Salvador;
Malabo; Asmara; Tallinn; Mbabane; Addis Ababa; Suva; Helsinki; Paris; Libreville; Banjul;
Tbilisi; Berlin; Accra; Athens; St. George's; Guatemala City; Conakry; Bissau; Georgetown;
Port-au-Prince; Tegucigalpa; Budapest; Reykjavík; New Delhi; Jakarta; Tehran; Baghdad;
Dublin; Jerusalem; Rome; Kingston; Tokyo; Amman; Astana; Nur-Sultan; Nairobi; Tarawa;
Pristina; Kuwait City; Bishkek; Vientiane; Riga; Beirut; Maseru; Monrovia; Tripoli; Vaduz;
Vilnius; Antananarivo; Lilongwe; Kuala Lumpur; Putrajaya; Malé; Bamako; Valletta; Majuro;
Nouakchott; Port Louis; Mexico City; Palikir; Chișinău; Ulaanbaatar; Ulan Bator; Podgorica;
Rabat; Maputo; Naypyidaw; Nay Pyi Taw; Windhoek; Yaren; Kathmandu; Amsterdam; The Hague;
Wellington; Managua; Niamey; Abuja; Pyongyang; Skopje; Oslo; Muscat; Islamabad; Ngerulmud;
Ramallah; Panama City; Port Moresby; Asunción; Lima; Manila; Warsaw; Lisbon; Doha;
Bucharest; Moscow; Kigali; Basseterre; Castries; Kingstown; Apia; São Tomé; Riyadh; Dakar;
Belgrade; Victoria; Freetown; Bratislava; Ljubljana; Honiara; Mogadishu; Hargeisa; Pretoria;
Cape Town; Bloemfontein; Seoul; Juba; Madrid; Colombo; Sri Jayawardenepura Kotte; Khartoum;
Paramaribo; Stockholm; Bern; Berne; Damascus; Taipei; Dushanbe; Dodoma; Bangkok; Lomé;
Nuku'alofa; Port of Spain; Tunis; Ankara; Ashgabat; Funafuti; Kampala; Kyiv; Kiev;
Abu Dhabi; London; Washington; Montevideo; Tashkent; Port Vila; Caracas; Hanoi; Sanaa;
Sana'a; Lusaka; Harare
"""
_US_STATES = """
Alabama; Alaska; Arizona; Arkansas; California; Colorado; Connecticut; Delaware; Florida;
Hawaii; Idaho; Illinois; Indiana; Iowa; Kansas; Kentucky; Louisiana; Maine; Maryland;
Massachusetts; Michigan; Minnesota; Mississippi; Missouri; Montana; Nebraska; Nevada;
New Hampshire; New Jersey; New Mexico; New York; New York State; North Carolina;
North Dakota; Ohio; Oklahoma; Oregon; Pennsylvania; Rhode Island; South Carolina;
South Dakota; Tennessee; Texas; Utah; Vermont; Virginia; Washington State; West Virginia;
Wisconsin; Wyoming; D.C.; District of Columbia; Washington D.C.
"""
# Provinces and states elsewhere that datelines name as often as a city.
_REGIONS = """
Ontario; Quebec; British Columbia; Alberta; Nova Scotia; Manitoba; New South Wales;
Queensland; Tasmania; Bavaria; Lombardy; Sicily; Sardinia; Corsica; Andalusia; Flanders;
Wallonia; Normandy; Brittany; Provence; Siberia; Donbas; Donbass; Kerala; Punjab;
Kurdistan Region; Balochistan; Sindh; Silicon Valley; Middle East; Europe; Asia; Africa;
Latin America
"""
_CITIES = """
New York City; NYC; Manhattan; Brooklyn; Los Angeles; San Francisco; Chicago; Houston;
Dallas; Boston; Miami; Atlanta; Seattle; Detroit; Philadelphia; Denver; Phoenix; Las Vegas;
San Diego; Palo Alto; Austin; New Orleans; Minneapolis; Pittsburgh; Cleveland; St. Louis;
Baltimore; Cape Canaveral; Sacramento; Albany; Anchorage; Honolulu; Nashville; Charlotte;
Orlando; Tampa; Portland; Salt Lake City; Kansas City; Indianapolis; Milwaukee; Cincinnati;
Columbus; Raleigh; Annapolis; Tallahassee; Hartford; Newark; Jersey City; San Juan;
Toronto; Montreal; Vancouver; Calgary; Edmonton; Winnipeg; Quebec City; Halifax; Monterrey;
Guadalajara; Tijuana; São Paulo; Rio de Janeiro; Rio; Medellín; Cali; Valparaíso; Córdoba;
Manchester; Birmingham; Liverpool; Leeds; Glasgow; Edinburgh; Cardiff; Belfast; Bristol;
Oxford; Cambridge; Frankfurt; Frankfurt am Main; Frankfurt Main; Munich; Hamburg; Cologne;
Düsseldorf; Stuttgart; Bonn; Leipzig; Dresden; Hanover; Milan; Turin; Naples; Venice;
Florence; Bologna; Genoa; Barcelona; Valencia; Seville; Bilbao; Porto; Lyon; Marseille;
Toulouse; Nice; Bordeaux; Strasbourg; Lille; Geneva; Zurich; Basel; Lausanne; Davos;
Antwerp; Rotterdam; Gothenburg; Malmö; Bergen; Kraków; Gdańsk; Wrocław; Lviv; Kharkiv;
Kharkov; Odesa; Odessa; Dnipro; Mariupol; Donetsk; Luhansk; Kherson; Zaporizhzhia;
St. Petersburg; Saint Petersburg; Istanbul; Izmir; Thessaloniki; Salzburg; Gibraltar;
Dubai; Sharjah; Jeddah; Mecca; Medina; Tel Aviv; Haifa; Gaza City; Aleppo; Homs; Idlib;
Mosul; Erbil; Basra; Benghazi; Alexandria; Casablanca; Marrakesh; Tangier; Lagos; Kano;
Johannesburg; Durban; Mombasa; Goma; Port Sudan; Aden; Hodeidah; Isfahan; Tabriz; Kandahar;
Herat; Karachi; Lahore; Peshawar; Quetta; Rawalpindi; Delhi; Mumbai; Bombay; Kolkata;
Calcutta; Chennai; Madras; Bengaluru; Bangalore; Hyderabad; Ahmedabad; Pune; Srinagar;
Shanghai; Shenzhen; Guangzhou; Wuhan; Chengdu; Chongqing; Tianjin; Hangzhou; Nanjing; Xi'an;
Dalian; Qingdao; Xiamen; Harbin; Urumqi; Lhasa; Kaohsiung; Osaka; Kyoto; Yokohama; Nagoya;
Fukushima; Hiroshima; Okinawa; Sapporo; Kobe; Busan; Incheon; Ho Chi Minh City; Saigon;
Da Nang; Chiang Mai; Phuket; Penang; Surabaya; Bali; Cebu; Davao; Yangon; Rangoon; Mandalay;
Chittagong; Almaty; Abidjan; Dar es Salaam; Sydney; Melbourne; Brisbane; Perth; Adelaide;
Darwin; Hobart; Auckland; Christchurch
"""
# The same places as by-lines in other languages print them.
_OTHER_SPELLINGS = """
München; Köln; Wien; Genf; Genève; Zürich; Brüssel; Bruxelles; Bruselas; Mailand; Rom; Roma;
Milano; Napoli; Firenze; Venezia; Torino; Moskau; Moscou; Moskva; Peking; Pékin; Pekín;
Londres; Lisboa; Warszawa; Praha; Athina; Den Haag; La Haye; Nueva York; Nueva Delhi;
Ginebra; Fráncfort; Francfort; Kopenhagen; Washington DC; Lissabon; Prag;
Warschau; Kiew; Tokio; Pequim; Nova Iorque; Bruxelas; Genebra; Francoforte
"""


def place_key(text: str) -> str:
    """A place's name as compared: without accents, case, dots, apostrophes or a leading
    "the" ("São Tomé" = "SAO TOME", "D.C." = "DC", "The Hague" = "Hague"); other
    punctuation separates words ("Guinea-Bissau" = "Guinea Bissau")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    plain = re.sub(r"[.'’ʼ`]", "", plain)
    words = re.sub(r"[\W_]+", " ", plain).split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _keys() -> frozenset[str]:
    """Every place's key, made on first use rather than at import."""
    lists = (_COUNTRIES, _CAPITALS, _US_STATES, _REGIONS, _CITIES, _OTHER_SPELLINGS)
    names = (name.strip() for text in lists for name in text.split(";"))
    return frozenset(place_key(name) for name in names if name)


_JOINED = re.compile(r"\s*(?:/|\s(?:and|&|und|et|y)\s)\s*", re.IGNORECASE)
_FROM = re.compile(r"^(?:in|from|aus|à)\s+", re.IGNORECASE)


def is_place(text: str) -> bool:
    """Whether ``text`` is only a place, or places joined: "New York", "WASHINGTON",
    "Washington D.C.", "Brussels/Paris", "London and Paris", "in Kyiv".

    A person named after a place is more than the place ("Paris Hilton", "Georgia
    Smith", "Jordan Peterson"), so only the whole text counts.
    """
    text = _FROM.sub("", text.strip())
    if not text:
        return False
    keys = _keys()
    if place_key(text) in keys:  # "Trinidad and Tobago", "Frankfurt/Main" whole
        return True
    pieces = _JOINED.split(text)
    return len(pieces) > 1 and all(piece and place_key(piece) in keys for piece in pieces)
