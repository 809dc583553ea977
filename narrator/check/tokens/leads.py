"""The words before a number that make it a reference (a section, a page, a table, a
telephone number) or a code, used by the scanner's patterns."""

from __future__ import annotations

REF_WORDS = (
    r"\b(?i:see(?:\s+also)?|sections?|paragraphs?|paras?\.?"
    r"|(?:detailed|outlined|described|covered|set\s+out|mentioned|referred\s+to|shown|reported|"
    r"discussed|explained|noted)\s+(?:in|at|under)(?:\s+(?:section|paragraph))?)\s+"
)
#: The lead words of references to things outside the paper's section numbering: pages,
#: figures, tables, appendices, slides, versions, agenda items, a plan's priorities and
#: outcomes, an inspection's areas for improvement, notes, telephone extensions, report codes.
LEAD_REF = (
    r"\b(?i:pages?|pp?\.|figures?|figs?\.|tables?|tabs?|appendix|appendices|annex(?:es)?|slides?"
    r"|charts?|graphs?|version|(?:agenda\s+)?items?(?:\s+no\.?)?|kpqs?|priority|priorities|pillars?"
    r"|(?-i:Outcomes?)|objectives?|recommendations?|findings?|areas?\s+for\s+improvement|notes?"
    r"|sheets?|clauses?|elements?|criteri(?:on|a)"
    r"|footnotes?"
    r"|extension|ext\.|pol|annexe|kpis?|(?<!\d\s)minute|no\."
    # Capitalised only: in lower case these words are as often prose ("in part 12 ...").
    r"|(?-i:(?:Chapter|Part|Box|Map|Diagram|Exhibit|Question|Paper|Theme|Strand|Goal|Aim"
    r"|Indicator|Action|Principle|Attachment|Enclosure|Schedule|Stage|Phase|Step|Exception"
    r"|Issue|Risk|Lesson|Measure|Pledge|Tile|Bulletin|Track|Edition|Query"
    # an audit's "Rec 2   AMBER": its recommendation, shortened
    r"|Rec|REC"
    # a report's "Option 2", a complaint's "Allegation 1 of 3", a council's "Motion 2"
    r"|Option|Allegation|Motion|MOTION|OPTION|Episode|EPISODE"
    # "Visual 1 of 7", "Screen 2 of 4", "Wave 12 of 12", "BLOCK 3", "PROMISE 4 -"
    r"|Visual|Screen|Wave|Block|BLOCK|Promise|PROMISE|Refresh|REFRESH|Handout|BOX|Card|Copy"
    # a presenter's "CARD 2 OF 5", a licence's "Condition 11"
    r"|CARD|Condition|CONDITION"
    # an action log's "ACTION 1:" in capitals
    r"|ACTION|MEASURE|QUESTION|ISSUE|RISK|FINDING|EXCEPTION|THEME|STAGE|PHASE|STEP|PLEDGE|PART"
    r"|BULLETIN|TRACK|EDITION"
    # a carousel's "Image 2 of 7", a display's "BOARD 4"
    r"|Image|IMAGE|BOARD"
    # an inspection's "AFI 2" (area for improvement)
    r"|AFI"
    r"|TILE)[sS]?"
    r"|(?<![Tt]el\s)(?<![Tt]el\.\s)(?<![Pp]hone\s)No\.?)"
    # "Standing Order 16.12": a council's rule, cited by its number
    r"|(?i:standing\s+orders?))"
    r"(?:\s*:)?\s+"
)
LEAD_REF_WORDS = (
    "page pages p. pp. figure figures fig. figs. table tables tab tabs appendix appendices annex "
    "annexes slide slides chart charts graph graphs version item items kpq kpqs priority "
    "priorities pillar pillars outcome outcomes objective objectives recommendation "
    "recommendations improvement note notes footnote footnotes extension ext. pol chapter "
    "chapters part parts box map maps diagram diagrams exhibit exhibits question questions "
    "paper papers no. theme themes strand strands goal goals aim aims "
    "indicator indicators kpi kpis action actions principle principles attachment "
    "attachments enclosure enclosures schedule schedules stage stages phase phases step "
    "steps annexe exception exceptions finding findings issue issues risk risks lesson lessons no "
    "measure measures pledge pledges tile tiles bulletin bulletins sheet sheets clause clauses "
    "element elements criterion criteria track tracks edition editions "
    "query queries option options allegation allegations motion motions order orders "
    "episode episodes visual visuals screen screens wave waves block blocks promise "
    "promises refresh handout handouts card cards copy condition conditions "
    "minute rec image images board boards afi afis"
)
#: A crime outcome's type in the Home Office list, written in lower case ("finalised as
#: outcome 18"): a code, where a plan's numbered "Outcome 2" is a reference.
LEAD_CODE = r"\b(?-i:outcomes?(?:\s+types?)?|OUTCOME\s+TYPES?)\s+"
#: A numbered section of a law, not of the paper: "Section 55 of the Police Act 1996",
#: "section 60 was authorised", "section 1 PACE searches".
LAW_AFTER = (
    r"(?=\(\d+[a-z]?\)|(?:\s+\S+){0,3}?\s+(?:of\s+the\s+(?:[A-Z][\w']*\s+|(?:of|and)\s+){0,8}Act\b"
    r"|(?i:acts?\b|pace\b|powers?\b|authori[sz]\w*|search\w*|stops?\b|orders?\b)))"
)
#: After a section or paragraph number: another document names it ("paragraph 2.3 of the
#: Home Office guidance", "section 4 of the HMICFRS report"), not a part of this paper.
ELSEWHERE_AFTER = (
    # "paragraphs 91 and 127 of the National Planning Policy Framework": each of a list
    # "paragraph 8.4 of the draft policy": or a draft, new or revised one
    r"(?=(?:\s*(?:,|and|&|to|or)\s*\d+(?:\.\d+)*)*\s+of\s+(?:the\s+)?"
    r"(?:[A-Z][\w'’]*\s+|(?:of|and|for|on|draft|new|revised|proposed|current)\s+){1,8}?"
    r"(?i:guidance|code|manual|handbook|framework|protocol|regulations|rules|directive"
    r"|agreement|specification|report|review|inspection|strategy|plan|standards?|polic(?:y|ies)"
    r"|scheme|charter|bill)\b)"
)
#: A UK telephone number in groups: "01480 422393", "0800 555 111", "020 7601 2222".
PHONE = (
    # "0810-0900" is a span of the 24-hour clock, not a number to ring
    r"(?!(?:[01]\d|2[0-3])[0-5]\d[–-](?:[01]\d|2[0-3])[0-5]\d(?![\d%]|[.,]\d|[ \t-]\d))"
    r"0\d{2,4}\)?(?:[ \t-]\d{3,6}){1,2}(?![\d%]|[.,]\d)|0[1-9]\d{8,9}(?![\d%]|[.,]\d)"
    # "0800 40 50 40": a freephone number in pairs
    r"|0[3589]00(?:[ \t]\d{2,3}){3}(?![\d%]|[.,]\d)"
)
REF_LAST_WORDS = (
    "see also section sections paragraph paragraphs para paras para. paras. in at under"
)
#: "one" as a pronoun or a determiner, not a count: "one of", "one or two", "the odd one
#: out", "one too many", "one kind or another", "the only one where" ("only one granted"
#: is a count).
ONE_AS_PRONOUN = (
    r"(?:(?<=\bthe\s)|(?<=\bThe\s)|(?<=\bodd\s)|(?<=\bnumber\s)|(?<=\bevery\s)"
    r"|(?<=\bany\s)|(?<=\bbig\s)|(?<=\bquick\s)|(?<=\blong\s)|(?<=\bblunt\s)|(?<=\bthis\s)"
    r"|(?<=\bthat\s)|(?<=\bThat\s)|(?<=\beach\s)|(?<=\bgood\s)|(?<=-wide\s)|(?<=\bopen\s)"
    r"|(?<=\bwithout\s))(?i:one)\b"
    r"|(?i:one)\s+(?:of|or|another|too|kind|side|thing|by|before|that|where|out)\b"
    # "from one month to the next": any one, not a count
    r"|(?<=\bfrom\s)(?i:one)(?=\s+\w+\s+to\s+the\s+(?:next|other)\b)"
    # "one or two offenders", "a crime or two either way": a few, not a count
    r"|(?<=\bone\sor\s)two\b|(?<=\bor\s)two(?=\s+(?:as|either|more)\b|\s*[.,;)])"
)
