"""Compiled patterns and word lists the cleaning and quote rules use (cf. ftfy's chardata).

Data lives here; the rules that use it live in :mod:`generator.clean` and
:mod:`generator.quotes`. Every pattern is linear: no nested quantifiers over
overlapping classes, so a 1 MB line cannot make a rule backtrack for minutes.
"""

from __future__ import annotations

import re

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MONTH_ABBR = {m[:3].lower(): i for i, m in enumerate(MONTHS, 1)} | {"sept": 9}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"

#: `` date 2018-08-27 Russian Politics & Diplomacy`` - the corpus header line.
HEADER_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*(?P<rest>.*)$")

#: ``PARIS, August 27. /TASS/.`` at the start of the first body paragraph.
AGENCY_DATELINE = re.compile(
    rf"^(?P<place>[A-Z][A-Z .'\-]{{1,40}}),\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\.?\s*"
    r"/(?P<agency>[A-Z][A-Za-z\-]{1,20})/\.?\s+"
)
_PLACE = r"(?P<place>[A-Z][A-Z'\-]+(?:[ /][A-Z][A-Z'\-]+){0,4})"
_REGION = r"(?:,\s+(?P<region>[A-Z][a-z]+\.?(?: [A-Z][a-z]+\.?)?))?"
_DASH = "[-\N{EN DASH}\N{EM DASH}]"
#: ``STRASBOURG, France (Reuters) -``, ``BRUSSELS, Jan 20 (Reuters) -``,
#: ``FORT DE BREGANCON. Aug 19 (Interfax) -``, ``VANCOUVER, Wash. (AP) —``.
WIRE_DATELINE = re.compile(
    rf"^{_PLACE}{_REGION}(?:[.,]?\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}}))?\s*"
    rf"\((?P<agency>[A-Z][A-Za-z .\-]{{1,24}})\)\s*{_DASH}{{1,2}}\s*"
)
#: ``KYIV, Ukraine —`` and ``WASHINGTON —``: a place in capitals and a long dash.
PLAIN_DATELINE = re.compile(
    rf"^{_PLACE}{_REGION}\s+[\N{{EN DASH}}\N{{EM DASH}}]{{1,2}}\s+(?=[A-Z\"\N{{LEFT DOUBLE QUOTATION MARK}}])"
)

#: A reader's choices written into the paste: ``Pin quote: ...``, ``Suppress quote: ...``,
#: ``Link to: ...``, ``No link to: ...``.
READER_CHOICE = re.compile(
    r"^(?P<key>pin[ _\-]quotes?|suppress[ _\-]quotes?|link[ _\-]to|no[ _\-]link[ _\-]to"
    r"|thread[ _\-]title)\s*:\s*"
    r"(?P<value>\S.{0,300})$",
    re.IGNORECASE,
)

#: A label typed in front of a headline: ``Title: ...``, ``Headline - ...``.
TITLE_LABEL = re.compile(
    r"^(?:(?:title|headline|hed)\s*[:\N{EN DASH}\N{EM DASH}-]|subject:(?:\s*(?:fwd?|re):)*)\s*",
    re.IGNORECASE,
)
#: Markup pasted into a headline: a script or style element with its content, or any tag.
HEADLINE_MARKUP = re.compile(
    r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|$)|</?[A-Za-z][^<>]{0,200}>", re.IGNORECASE | re.DOTALL
)

#: ``Original url:`` with or without the address on the same line.
#: Any address is taken (and one that is not a web address, ``javascript:alert(1)``, is then
#: dropped with a warning): the line is never left in the body.
ORIGINAL_URL = re.compile(
    r"^(?:original\s+url\s*:\s*(?P<url>\S+)?\s*"
    # a clipper's or a save-as-text extension's line: "Source: <https://...>", "URL: https://..."
    r"|(?:url|link|source|saved\s+from|clipped\s+from)\s*:\s*<?(?P<link>https?://[^\s<>]+)>?(?:\s+#\S+)*\s*)$",
    re.IGNORECASE,
)
BARE_URL = re.compile(
    r"^<?(?P<url>https?://[^\s<>]+|(?:www\.)?[a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.[a-z]{2,}/[^\s<>]*[a-z0-9/\-][^\s<>]*)>?$"
)
URL_DATE = re.compile(
    r"/(?P<year>(?:19|20)\d{2})(?P<sep>[/-])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})(?:[/\-_.]|$)"
)

#: ``Related article: ...``, ``>> READ ALSO -``, ``More from Europe`` and their cousins.
RELATED_LINE = re.compile(
    r"^(?:>+\s*)?(?:related(?:\s+(?:articles?|stories|coverage|subjects|topics|content|news))?"
    r"|read\s+(?:also|more|too)|read(?=\s*:)|also\s+read|see\s+also|more\s+news|more\s+on\s+this\s+(?:story|topic)"
    r"|more\s+from\s+[\w ]{2,30}|you\s+may\s+also\s+like|most\s+read|top\s+stories|recommended"
    r"|latest\s+news|editor'?s\s+picks?|up\s+next|next\s+up|watch\s+next|trending\s+now"
    r"|more\s+videos)\b(?P<sep>\s*[:\-\N{EN DASH}\N{EM DASH}]+)?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
#: ``© EPA-EFE/PHILIPPE WOJAZER/POOL``, ``Photo: ...``, ``Image source, Getty Images``,
#: ``(Photo by Name / AFP)``, ``Name via Getty Images``.
PHOTO_CREDIT = re.compile(
    r"^(?:\N{COPYRIGHT SIGN}|\(c\)\s|(?:photo|photograph|image|picture|foto)s?\s*(?:by|credit)?\s*:"
    r"|(?:image|photo|media|picture)\s+source\s*,)\s*(?P<credit>.{2,160})$"
    r"|^\((?P<paren>(?:[A-Z]+\s+)?photo(?:graph)?s?\b[^()]{1,120})\)\.?$"
    r"|^(?P<via>[A-Z][^.!?]{1,80}\bvia\s+Getty\s+Images)\.?$",
    re.IGNORECASE,
)
#: Picture agencies and desks that appear in credit slugs such as ``REUTERS/Name``.
PHOTO_AGENCIES = frozenset(
    "afp ap epa epa-efe efe reuters tass pool getty getty images sputnik ria novosti"
    " shutterstock rex xinhua anadolu dpa anp pa ansa kyodo yonhap bloomberg"
    " kremlin press service handout".split(" ")
) | frozenset({"getty images", "ria novosti", "kremlin press service", "afp photo", "ap photo"})
#: A caption ending in a bolded or bare ``Name / Agency / Agency`` credit.
CAPTION_CREDIT = re.compile(
    r"^(?P<caption>.{10,}?[.!?\N{RIGHT DOUBLE QUOTATION MARK}\"])\s*"
    r"(?:\*\*(?P<bold>[^*]{2,120})\*\*|(?P<bare>[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}"
    r"(?: ?/ ?[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}){1,4})"
    r"|(?:Photograph|Photo|Picture|Image)(?: by)?:\s*(?P<labelled>[^.]{2,120}))\s*$"
)
#: ``Putin chairs a meeting [Name/Sputnik via Reuters]``, ``Zelensky (R) and Macron ... (Office)``.
CAPTION_BRACKET = re.compile(
    r"^(?P<caption>.{10,400}?)\s*[\[(](?P<credit>[^\[\]()]{2,80}(?:/|\bvia\b|\b[Pp]hoto\b|\b[Pp]ool\b)"
    r"[^\[\]()]{0,80})[\])]\.?$"
    r"|^(?P<marked>.{0,200}\((?:L|R|C|\d(?:st|nd|rd|th) [LR]|left|right|cent(?:re|er))\).{10,300}?)"
    r"\s*\((?P<office>[^()]{2,60})\)\.?$"
)
#: ``FILE - A ferry leaves ... (AP Photo/Name, File)``, ``Image caption, ...``,
#: ``Emmanuel Macron (file photo)``.
CAPTION_LINE = re.compile(
    r"^(?:FILE\s*[-:\N{EN DASH}\N{EM DASH}]\s+|(?:image|photo|picture)\s+caption\s*,?\s*)"
    r"(?P<caption>.+?)(?:\s*\((?P<credit>[^()]{2,80})\))?\.?$"
    r"|^(?P<short>.{2,200}?)\s*\((?:file|archive)(?: photo)?\)\.?$",
    re.IGNORECASE,
)
#: ``AFP contributed reporting.``, ``... writer Jane Doe in Paris contributed to this report.``
CONTRIBUTED = re.compile(
    r"^(?P<agencies>[A-Z][\w.&' ,]{1,80}?)\s+contributed(?:\s+to)?(?:\s+this)?\s+"
    r"(?:report(?:ing)?|story|article)\.?$"
)
#: ``Reporting by X; Editing by Y``: the desk's credits at the foot of a wire story.
STAFF_CREDITS = re.compile(
    r"^(?:(?:additional\s+)?reporting|writing|editing|compiled|translated|research|"
    r"graphics|production|edited|translated)\s+by\s+\S.{0,300}$"
    r"|^(?:editors?|translators?|sources?|photos?)\s*:\s*[A-Z][^.!?]{1,80}$"
    r"|^[A-Z][\w'. ]{1,40}\swith\s(?:AFP|AP|Reuters|dpa|agencies|wires)$",
    re.IGNORECASE,
)
#: ``By Jane Doe and John Roe``, ``Text by: FRANCE 24``, ``Author Anna Weber``, ``By Ada Obi in Abuja``.
BYLINE = re.compile(
    r"^(?i:by|(?:text|words|photographs?|photos|pictures|reporting)(?:\s+and\s+(?:text|words|"
    r"photographs?|photos|pictures))?\s+by|written\s+by|author|authors)\b\s*:?\s+"
    r"(?P<name>[A-Z][\w.'\-]*(?:,?\s+(?:(?i:and)\s+|&\s+)?[A-Z0-9][\w.'\-]*){0,9})"
    r"(?:\s+in\s+[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){0,2})?$"  # "By Ada Obi in Abuja"
)
#: A byline with its role, date or reading time on the same line, as many sites print it:
#: ``By Priya Castellane · 11 March 2024 · 4 min read``, ``Von Klara Moosbrugger,
#: Korrespondentin in Sarnello`` (a translated page keeps its own word for "by"),
#: ``Match report by Callum Ree``.
BYLINE_WITH = re.compile(
    r"^(?i:(?:by|von|par|por|door|af|av)|(?:match\s+)?(?:report|reporting|words|story|interview)\s+by)\s+"
    r"(?P<name>[A-Z][\w.'\N{RIGHT SINGLE QUOTATION MARK}\-]*(?:\s+(?:and\s+|&\s+|de\s+|van\s+|von\s+)?[A-Z][\w.'\N{RIGHT SINGLE QUOTATION MARK}\-]*){0,5})"
    r"(?:,\s*(?P<role>[^\N{MIDDLE DOT}|\N{BULLET}\n.]{1,60}?))?"
    r"(?:(?:\s*[\N{MIDDLE DOT}|\N{BULLET}\N{EN DASH}\N{EM DASH}]\s*|\s+-\s+)(?P<rest>[^\n]{1,100}))?$"
)
#: ``Nora Whitcombe | Staff Reporter``: a name and a reporter's role, no "By".
BYLINE_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w.'\-]+(?: [A-Z][\w.'\-]+){1,3})\s*[|,\N{MIDDLE DOT}\N{BULLET}\-\N{EN DASH}]\s*"
    r"(?:(?:Senior|Staff|Chief|Political|Special|Foreign|Business|Local|Health|Court|City|Sports?)\s+)?"
    r"(?:Reporter|Correspondent|Writer|Editor|Journalist|Contributor|Columnist)s?\b[^.!?]{0,60}$"
)
#: ``Jane Doe7 February 2022``: a byline with the date fused on.
BYLINE_DATE = re.compile(
    rf"^(?P<name>[A-Z][a-z'\-]+(?: [A-Z][a-z'\-]+){{1,3}})\s*(?P<date>\d{{1,2}}\s+{_MONTH}\s+\d{{4}})$"
)
TIME_OF_DAY = re.compile(
    r"\b\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:UTC|GMT)\s*[+\-\N{MINUS SIGN}]?\d{0,2})?"
)
#: Lines that label a date: which kind of date it is.
DATE_LABEL = re.compile(
    r"^(?P<label>updated|last\s+(?:modified|updated)|modified|published|first\s+published|"
    r"posted|issued|date)\b",
    re.IGNORECASE,
)
#: ``BRENT 127.98 +3.9%``, ``EUR/USD 1.0904 -0.1%``.
MARKET_TICKER = re.compile(
    r"^(?:[A-Z]{2,8}(?:/[A-Z]{2,6})?\s+\$?[\d.,]+\s*[+\-\N{MINUS SIGN}]?[\d.,]+%\s*)+$"
)
#: ``burs-ab/jm``: a wire desk's signature.
DESK_SLUG = re.compile(r"^(?:[a-z]{2,6}(?:-[a-z]{1,4})*(?:/[a-z]{1,4})+|==\s?[A-Z][\w ]{1,30})$")
#: ``Home > Newsroom > Press releases``: a breadcrumb trail.
BREADCRUMB = re.compile(
    r"^[\w'&\- ]{1,30}(?:\s[>\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}]\s[\w'&\- ]{1,30}){1,6}$"
)
#: ``Tags: ...``, ``Permalink https://...``.
TAGS_LINE = re.compile(r"^(?:tags|topics|keywords|filed\s+under)\s*:\s*\S", re.IGNORECASE)
PERMALINK = re.compile(r"^(?:permalink|short\s+url|short\s+link)\s*:?\s*https?://\S+$", re.I)
#: Share counters and reading times: ``Share 12``, ``0 Comments``, ``3 minute read``.
COUNTER = re.compile(
    r"^(?:(?:share|shares|tweet|comments?|likes?|views?|reactions?)\s*\(?\d[\d,.]*k?\)?"
    r"|\d[\d,.]*k?\s*(?:shares|comments?|views|likes|reactions)"
    r"|\d+\s*min(?:ute)?s?(?:\s+read)?|share\s+(?:on|via)\s+\w+|show\s+(?:new\s+)?comments.*"
    r"|(?:reading\s+time|time\s+to(?:\s+read)?)\s*:?\s*\d+\s*min(?:ute)?s?\.?"
    r"|(?:print|share|email|e-mail|save)\s+this\s+(?:page|article|story))$",
    re.IGNORECASE,
)
#: Banners: donation, newsletter and app appeals, legal notices. Checked only on short
#: blocks with no quotation in them.
BANNER = re.compile(
    r"\b(?:sign\s+up\b.{0,60}\b(?:newsletter|inbox|alerts)|subscribe\b.{0,60}\b(?:newsletter|"
    r"channel|inbox|for\s+free|to\s+receive)|ad-free|make\s+a\s+(?:donation|contribution)|"
    r"consider\s+(?:a\s+)?(?:small\s+)?donation|donate\s+now|readers\s+like\s+you|"
    r"support\s+(?:independent|our)\s+journalism|thanks\s+for\s+reading|"
    r"follow\s+(?:us|[A-Z][\w ]{0,20})\s+on\s+(?:telegram|twitter|facebook|instagram|x|youtube)|"
    r"your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked|"
    r"all\s+rights\s+reserved|may\s+not\s+be\s+(?:published|reproduced)|trust\s+principles|"
    r"views\s+expressed\s+in\s+this\s+(?:article|piece|column)|"
    r"section\s+of\s+the\s+print\s+edition|enjoy\s+more\s+audio|"
    r"browser\s+does\s+not\s+support|you\s+can\s+share\s+this\s+story|"
    r"download\s+(?:our|the)\s+(?:free\s+)?app|this\s+article\s+is\s+part\s+of|"
    r"translation\s+of\s+an\s+original\s+article|we\s+use\s+cookies|listen\s+to\s+this\s+(?:story|article))",
    re.IGNORECASE,
)
#: The start of a footer: everything after it is the site's, not the article's.
FOOTER_START = re.compile(
    r"^(?:dear\s+(?:readers?|friends)\b|leave\s+a\s+(?:reply|comment)\b|"
    r"join\s+the\s+(?:conversation|discussion)\b|comments?\s*$|add\s+a\s+comment\b|"
    # the end of a press release: "###", "-ENDS-", its notes and contacts
    r"#{3}\s*$|-?\s*ends\s*-?\s*$|notes?\s+(?:to|for)\s+editors?\b|media\s+(?:contacts?|enquiries|inquiries)\b|"
    r"about\s+the\s+authors?\s*$"
    # a press release's boilerplate about its sender: "About Wells for Tomorrow"
    # a reprint's, a feed's and an investor release's ends: "Originally published at X on
    # ...", "The post ... appeared first on X.", "Forward-Looking Statements"
    r"|originally\s+(?:published|appeared)\s+(?:at|in|on|by)\b|the\s+post\s+.{3,300}\s+appeared\s+first\s+on\b"
    r"|(?:cautionary\s+(?:note|statement)\s+(?:regarding|concerning|on)\s+)?forward[\s-]+looking\s+statements?\s*:?\s*$"
    r"|safe\s+harbou?r\s+statement\s*$"
    r"|(?-i:About\s+(?:the\s+)?[A-Z][\w&'.\-]*(?:\s+(?:[A-Z][\w&'.\-]*|for|of|and|the|de|&)){1,7})\s*$)",
    re.IGNORECASE,
)

INLINE_TAG = re.compile(
    r"</?(?:u|b|i|em|strong|span|a|font|sup|sub|mark|small|p|div|br|li|ul|ol|h[1-6]|section|"
    r"article|blockquote|figure|figcaption|header|footer|main|aside|nav|cite|q|abbr|time)\b"
    r"[^<>]{0,500}/?>",
    re.I,
)
#: A transcript's turn: the speaker's name in capitals, a colon, the words.
SPEAKER_TURN = re.compile(
    r"^(?![^:]*:\s+(?i:from|continued\s+from)\s+(?i:page)\b)(?!(?:[A-Z]+\s+)*(?:READ|WATCH|LISTEN|RELATED|MORE|ALSO|NOTE|UPDATE[SD]?|PHOTOS?|VIDEOS?|"
    r"BREAKING|EXCLUSIVE|LIVE|ADVERTISEMENT|SPONSORED|CORRECTION|SOURCE|EDITOR'S)\b)"
    r"[A-Z][A-Z.'\-]+(?:\s+[A-Z][A-Z.'\-]+){1,3}:\s+\S"
)
ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,10});")
MD_EMPHASIS = re.compile(r"(\*\*|__)(?P<inner>\S(?:[^*_\n]{0,500}?\S)?)\1")

INLINE_AUTOLINK = re.compile(r"\s*<https?://[^\s<>]{1,500}>(?=[\s,.;:!?)]|$)")
#: A print page's jump line: "Turn to page 6", "Continued on page 4", "WIND FARM: From page 1".
PAGE_JUMP = re.compile(
    r"^(?:(?:turn|continued|continues)\s+(?:to|on)\s+page\s+\d+"
    r"|[A-Z][A-Z .'\-]{1,40}:\s+(?:from|continued\s+from)\s+page\s+\d+)\b\.?",
    re.IGNORECASE,
)
#: A line that goes on from the one before it: a word in lower case, not a web address.
GOES_ON = re.compile(
    r"(?!www\.)(?![\w\-]+\.[a-z]{2,}\b)[a-z][a-z'\N{RIGHT SINGLE QUOTATION MARK}\-]*[\s,.;:!?]"
)
MD_HEADING = re.compile(r"^#{1,6}\s+")
MD_LINK = re.compile(
    r"(?<!!)\[(?P<inner>[^\[\]\n]{1,300})\]\((?:https?://|/|www\.)[^()\s]{0,500}\)"
)
MD_UNDERSCORE = re.compile(r"(?<![\w_])_(?P<inner>[^\s_](?:[^_\n]{0,500}?[^\s_])?)_(?![\w_])")
MD_ITALIC = re.compile(r"(?<![\w*])\*(?P<inner>[^\s*](?:[^*\n]{0,500}?[^\s*])?)\*(?![\w*])")
#: ``" unreliable partner "``: a quotation whose marks were spaced off its words.
SPACED_QUOTE = re.compile(
    r'(?:^|(?<=[\s(]))"[ \t]+(?P<inner>[^"\n]{0,600}?\S)[ \t]+"(?=[\s,.;:!?)]|$)'
)
ASCII_GUILLEMETS = re.compile(r"<<\s*(?P<inner>[^<>\n]{1,600}?)\s*>>")
#: A short word glued to the link text after it: ``according toThe Times``.
FUSED_WORD = re.compile(
    r"\b(to|the|of|in|on|at|by|for|with|from|and|said|says|told|via|about)(?=[A-Z][a-z])"
)

#: Site names appended to titles: ``Title - Sputnik International``.
TITLE_SUFFIX = re.compile(
    r"\s+[|\-\N{EN DASH}\N{EM DASH}]\s+(?:The\s+)?[A-Z0-9][\w.]*(?:\s+[A-Z0-9][\w.]*){0,3}\s*$"
)
#: Last words of outlet names, for telling a site suffix from a headline's own dash.
OUTLET_WORDS = frozenset(
    "international news times review post daily courier gazette herald tribune journal today"
    " online economist guardian telegraph independent observer express mail standard monitor"
    " chronicle weekly magazine agency tv radio 24 media press report insider".split()
)

#: Section labels a corpus header line or a lone line may carry.
SECTION_LABELS = frozenset(
    s.lower()
    for s in (
        "World",
        "Russia",
        "Europe",
        "Politics",
        "Russian Politics & Diplomacy",
        "Economy",
        "Business",
        "Business & Economy",
        "Opinion",
        "News",
        "International",
        "Military & Defense",
        "Society & Culture",
        "Science & Space",
        "Sports",
        "Emergencies",
        "Analysis",
        "Ukraine",
        "World News",
        "Diplomacy",
        "Defence",
        "Defense",
        "Security",
        "Europe News",
        "Features",
    )
)

#: Lines that are never article text: menus, share buttons, banners, form fields.
FURNITURE = frozenset(
    line.strip().lower()
    for line in """
    Skip to main content | Skip to navigation | Skip to content | Accessibility links
    Advertisement | Advertising | Sponsored | Supported by | Continue reading the main story
    Share | Share page | Share this article | Copy link | close panel | Reuse this content
    Breaking News | Get short URL | Menu | Home | Search | Subscribe | Subscribe now | Print
    Comments | All comments | Post Comment | Comment | Comment * | Name | Name * | Email * | Website
    Sign in | Log in | Register | Newsletter | Newsletters | Follow us | Tweet | Email | Facebook
    Twitter | Telegram | WhatsApp | LinkedIn | Donate | Donate now | Support us | Tags | Topics
    Send us your feedback | Listen to this article | Listen to this story | Listen | Video
    Show more | Load more | Back to top | Next article | Previous article | Cookie settings
    Subscribers only | Subscriber only | Members only | Premium | Lire en français | Read in English
    Auf Deutsch lesen | Leer en español | Press play to listen to this article
    """.replace("\n", "|").split("|")
    if line.strip()
)
#: Outlets by web domain and by the wire tag of a dateline.
OUTLET_BY_DOMAIN: dict[str, str] = {
    "themoscowtimes.com": "The Moscow Times",
    "tass.com": "TASS",
    "tass.ru": "TASS",
    "reuters.com": "Reuters",
    "apnews.com": "AP",
    "interfax.com": "Interfax",
    "interfax.ru": "Interfax",
    "france24.com": "France 24",
    "theguardian.com": "The Guardian",
    "bbc.co.uk": "BBC",
    "bbc.com": "BBC",
    "politico.eu": "Politico Europe",
    "sputniknews.com": "Sputnik",
    "rt.com": "RT",
    "euronews.com": "Euronews",
    "dw.com": "DW",
}
OUTLET_BY_TAG: dict[str, str] = {
    "tass": "TASS",
    "reuters": "Reuters",
    "interfax": "Interfax",
    "ap": "AP",
    "afp": "AFP",
    "ria novosti": "RIA Novosti",
}

SENTENCE_END = re.compile(
    r"[.!?\N{HORIZONTAL ELLIPSIS}][\"'\N{RIGHT DOUBLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK})\]]*$"
)
QUOTE_CHARS = '"\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}\N{DOUBLE LOW-9 QUOTATION MARK}'
