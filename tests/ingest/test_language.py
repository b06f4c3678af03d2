import pytest

from dyad.ingest.language import guess_language

RU = "Президент России Владимир Путин провел переговоры с коллегой из Турции в Москве."
UK = "Президент України Володимир Зеленський провів телефонну розмову з прем'єр-міністром."
EN = "The president of Azerbaijan held a phone call with the Russian president."
BE = "Прэзідэнт Беларусі правёў сустрэчу з амбасадарам Кітая ў Мінску."
BG = "Президентът на България проведе среща с посланика на Русия."


@pytest.mark.parametrize(("text", "lang"), [
    (RU, "ru"), (UK, "uk"), (EN, "en"), (BE, "be"), (BG, "bg"),
    ("Путин заявил", "ru"), ("МИД РФ вызвал посла", "ru"),
])
def test_guesses_the_language(text, lang):
    guess = guess_language(text)
    assert guess.lang == lang and guess.confidence >= 0.5


def test_nothing_to_go_on_gives_no_confidence():
    assert guess_language("12345 !!!").confidence < 0.5
