import pytest

from dyad import data
from dyad.time.resolve import LINKS, DateResolver, links


def date_of(pipeline, text, trigger, published="2025-10-07"):
    sentences = pipeline.parser.parse(text)
    resolver = DateResolver(published, sentences)
    for sentence in sentences:
        for token in sentence.tokens:
            if token.text == trigger:
                return resolver.date_of(sentence, (token,))
    raise AssertionError(f"no trigger {trigger!r}")


# (text, trigger, publication date, expected date of the trigger's event)
ATTACHMENT = [
    # the expression on the predicate or its arguments
    ("Двое выходцев из Азербайджана погибли при полицейском рейде в Екатеринбурге "
     "27 июня 2025 года.", "погибли", "2025-10-07", "2025-06-27"),
    ("Премьер встретился с президентом на прошлой неделе.", "встретился", "2025-10-07",
     "2025-10"),
    ("Два дня назад армия обстреляла город.", "обстреляла", "2025-10-07", "2025-10-05"),
    ("В декабре прошлого года самолёт был сбит.", "сбит", "2025-10-07", "2024-12"),
    ("Ким Чон Нам умер в 2011 году, а его дядя, казнённый в 2013 году, был близок к нему.",
     "умер", None, "2011"),
    # the governing report's date reaches its complement ...
    ("Пресс-служба президента Азербайджана сообщила во вторник, что Ильхам Алиев позвонил "
     "Путину.", "позвонил", "2025-10-07", "2025-10-07"),
    ("Министр заявил вчера, что страна ввела санкции.", "ввела", "2025-10-07", "2025-10-06"),
    # ... unless the complement has its own
    ("Министр заявил вчера, что в прошлом году страна ввела санкции.", "ввела",
     "2025-10-07", "2024"),
    # a reporting clause beside an undated one dates it
    ("Оружие находилось в республике с ведома правительства, сообщил во вторник "
     "представитель посольства.", "находилось", "2008-08-05", "2008-08-05"),
    # a fronted expression scopes over the sentence
    ("11 марта 2014 года министр заявил, что референдум незаконен, и призвал воздержаться "
     "от поддержки.", "призвал", None, "2014-03-11"),
    # neighbour sentences: continuation and report
    ("В 2009 году КНДР арестовала журналистов. Они были освобождены благодаря усилиям "
     "Клинтона.", "освобождены", None, "2009"),
    ("Путин отпустил израильтянку. Об этом говорится в указе от 29 января 2020 года.",
     "отпустил", None, "2020-01-29"),
    ("Путин заявил журналистам. Президент отпустил израильтянку.", "отпустил", None, None),
    # the lead sentence of a dated article happened on its day
    ("Путин отпустил израильтянку.", "отпустил", "2025-10-07", "2025-10-07"),
    ("Путин отпустил израильтянку.", "отпустил", None, None),
    ("Россия готовится расширить операцию.", "готовится", "2025-10-07", None),
    ("Глава МИД прилетел в Москву. Затем министр встретился с послом.", "встретился",
     "2025-10-07", None),
    # no relative date without a publication date
    ("Министр вчера встретился с послом.", "встретился", None, None),
    # "накануне" before a noun is a preposition, not a date
    ("Военные задержали активиста накануне выборов.", "задержали", None, None),
    # a year elided from a day takes the article's latest dated day
    ("Указ подписан 29 января 2020 года. Суд 11 октября признал её виновной.", "признал",
     None, "2019-10-11"),
]


@pytest.mark.parametrize(("text", "trigger", "published", "expected"), ATTACHMENT)
def test_event_takes_its_date(pipeline, text, trigger, published, expected):
    assert date_of(pipeline, text, trigger, published) == expected


def test_pipeline_dates_the_seed_call(code):
    events = code("Пресс-служба президента Азербайджана сообщила во вторник, что Ильхам "
                  "Алиев позвонил президенту России Владимиру Путину.", "2025-10-07")
    assert events and {e.date for e in events} == {"2025-10-07"}


@pytest.mark.parametrize("row", data.load_tsv(LINKS, required=("text", "kind")),
                         ids=lambda r: r["text"])
def test_every_link_word_is_loaded(row):
    assert row["text"] in links()[row["kind"]]


@pytest.mark.parametrize("word", sorted(links()["continues"]))
def test_every_continuing_word_carries_the_date(pipeline, word):
    opener = word.replace("_", " ").capitalize()
    text = f"В 2009 году КНДР арестовала журналистов. {opener} встретился с послом."
    assert date_of(pipeline, text, "встретился", None) == "2009"


@pytest.mark.parametrize("phrase", sorted(links()["reports"]))
def test_every_report_phrase_dates_the_previous_sentence(pipeline, phrase):
    opener = phrase.replace("_", " ").capitalize()
    text = f"Путин отпустил израильтянку. {opener} 29 января 2020 года."
    assert date_of(pipeline, text, "отпустил", None) == "2020-01-29"


@pytest.mark.parametrize("verb", sorted(links()["reporting"]))
def test_every_reporting_verb_dates_the_clause_beside_it(pipeline, verb):
    text = f"Оружие находилось в республике, {past(verb)} во вторник представитель."
    assert date_of(pipeline, text, "находилось", "2008-08-05") == "2008-08-05", text


def past(verb: str) -> str:
    """Masculine past of the reporting verbs in links.tsv ("сообщить" -> "сообщил")."""
    if verb.endswith("ться"):
        return verb[:-4] + "лось"
    return verb[:-2] + "л"


def test_event_noun_in_an_oblique_takes_its_clause_date(code):
    events = code("Двое граждан Грузии погибли при полицейском рейде в Екатеринбурге "
                  "27 июня 2025 года.", published=None)
    raid = [e for e in events if e.trigger.startswith("рейде")]
    assert raid and raid[0].date == "2025-06-27"


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # the same act named with its date a sentence before
    ("Судно, перехваченное 23 января 2013 года, шло в Йемен. На борту корабля, "
     "перехваченного силами ВМС, нашли оружие.", "перехваченного", "2013-01-23"),
    # too far back: three sentences between
    ("Судно, перехваченное 23 января 2013 года, шло в Йемен. Его груз был большим. Экипаж "
     "молчал. Капитан тоже. На борту корабля, перехваченного силами ВМС, нашли оружие.",
     "перехваченного", None),
])
def test_an_act_named_again_takes_its_earlier_date(pipeline, text, trigger, expected):
    assert date_of(pipeline, text, trigger, published=None) == expected
