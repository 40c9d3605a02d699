"""Guess the language of a short social-media text, fast enough to run on every mention of an import.

Routing and tagging want a language per mention, and a tweet is too short and too noisy (handles,
links, emoji, slang, missing accents) for statistical detectors trained on prose, which are also
slow and ship large model files. This module uses the two signals that do survive in 280 characters:

1. the writing system. Most scripts belong to one language we care about (Hangul is Korean, Thai is
   Thai, ...); Han with any kana is Japanese and without is Chinese; Cyrillic is Russian unless one
   of the letters only Ukrainian has (і ї є ґ) appears. The script with the most letters wins, CJK
   and Hangul counting three per character since one of them carries about a word's worth of text.
2. for Latin text, the small words every sentence needs ("the", "de", "und", "och") and the letters
   only some languages use (ñ, ß, ã, ł, ğ, å, the Dutch "ij"). A word or letter shared by k of the
   languages gives each of them 1/k of its weight, so shared words ("de", "a", "no") barely separate
   languages and distinctive ones ("het", "och", "için") decide.

Links, @handles and e-mail domains are dropped first (they are not the writer's language), as are
digits, emoji and the '#' of hashtags (the hashtag's word stays).

The answer is "und" (ISO 639 "undetermined") with too little evidence (fewer than two scoring words
and no distinctive letter), a tie between the top two languages, or letters none of our Latin
languages writes outweighing the rest (ě, ř, ă, ư...: Czech, Romanian, Vietnamese): a wrong guess
routes a mention to the wrong team, while "und" only leaves it to the default route.

Everything is inline (no data files) and deterministic, and a tweet costs a few microseconds (about
5 for ASCII text, 8 with accents or emoji, on CPython 3.11): ASCII text is split with `str.translate`,
other text with one regex over Latin letters; scripts are counted with a regex per script rather than
a loop over characters; and a text's scores are one `sum()` of integers that pack a field per
language (see `_decide`). Only the first 1,000 characters are read.

Latin languages told apart: en, es, fr, de, it, pt, nl, pl, tr, sv (å means sv: Danish and Norwegian
are not told apart from Swedish). Scripts: ja, zh, ko, ru, uk, ar, he, el, th, hi; any other script
is "und". Known confusions: Catalan reads as Italian or Spanish, Romanian as French, Norwegian as
Swedish; Belarusian (і) as Ukrainian, Bulgarian and Serbian as Russian; Persian and Urdu as Arabic.
"""

from __future__ import annotations

import re
import struct
import unicodedata
from itertools import repeat

__all__ = ["LATIN_LANGUAGES", "UNDETERMINED", "detect_language"]

UNDETERMINED = "und"
LATIN_LANGUAGES = ("en", "es", "fr", "de", "it", "pt", "nl", "pl", "tr", "sv")

# --- Latin: function words and distinctive letters ---------------------------------------------------

# Frequent words of each language, as typed on social media: with and without accents. A word may
# belong to several languages; its weight is then shared between them.
_WORDS: dict[str, str] = {
    "en": """the and to of a i in is it you that for on with my me this was are have has had be been not
        but your so at can just what why how when where still from get got do does did don't doesn't
        didn't it's i'm i've can't won't isn't we they will would any there please thanks thank our
        their an or if out now about again never today really her as no am were could should us all""",
    "es": """de la que el en y a los se del las un por con no una su para es al lo como más mas pero sus le
        ya este sí si porque esta está muy sin sobre también tambien me hasta hay donde dónde quien
        desde todo nos cuando mi qué gracias nada hola estoy tengo puedo días dias todavía todavia aún
        ni eso esto les ustedes usted ayuda hace pedido te ha son ser nunca uno cosa dos mismo misma
        aquí aqui vez toda todos alguien nadie algo bien ahora siempre favor hoy ayer""",
    "fr": """le la les de des du un une et est en que qui pas ne je il elle on nous vous ce cette pour
        dans sur avec au aux mais ou où mon ma mes votre vos son sa plus très tres toujours rien merci
        bonjour depuis déjà c'est j'ai n'est suis ai fait été ça ca y chez encore a me te si nos ni non
        ils leur tout tous toute comme aussi bien sans peut avez être vraiment
        l' d' j' c' n' qu' s' m' quelqu' jusqu' lorsqu' puisqu'""",
    "de": """der die das und ist nicht ich es ein eine einen zu den dem mit sich des auf für fur fuer im
        von auch noch immer schon aber wie wir sie ihr mein meine meinen mir mich kein keine nur bei
        nach seit wann warum was wo habe hat haben wird wurde bitte danke gibt heute leider jetzt sehr
        bin sind zum zur oder dass ob euch ihre ihren an um da du so in er als nie ja jemand kann mehr
        wieder hier einer einem""",
    "it": """il lo la i gli le di a da in con su per tra un una uno e è che non mi ti ci si ma anche come
        più piu perché perche questo questa sono ho ha hanno del della dei delle al alla nel nella
        ancora già gia grazie ciao mio mia vostro vostra niente quando dove cosa molto sempre
        buongiorno oggi dopo stato fatto qui no o te ai ne tutto tutti nessuno qualcuno mai solo
        l' d' c' dell' nell' all' un' sull' dall' dov' com' quell'""",
    "pt": """de a o que e do da em um para é com não nao uma os no se na por mais as dos como mas foi ao
        ele das tem à seu sua ou ser quando muito já ja eu também tambem só pelo pela até isso ela sem
        meu minha você voce vocês voces obrigado obrigada ainda nada está estou dia dias hoje
        atendimento olá ola pedido nunca agora este esta sobre desde todo nos me te sempre tudo aqui vez
        toda todos pode alguém alguem ninguém ninguem há nem onde vai vou cadê cade""",
    "nl": """de het een en van in is dat niet op te zijn voor met die er maar om ook als aan bij nog wel
        geen mijn je jullie ik we wij u uw hebben heb heeft was naar dan nu al kan kunnen wordt worden
        waarom wanneer hoe wat weer bedankt dank graag echt gewoon toch nooit zo of ben ze mij waar
        iemand alles moet zou dus""",
    "pl": """i w na z się sie nie to że ze do jest jak o co a po ale tak za od czy już juz mnie mi jestem
        mój moj moja moje bardzo jeszcze tylko dla przez było bylo być byc nic kiedy dlaczego gdzie
        może moze ten ta tego dziękuję dziekuje dzięki dzieki proszę prosze wam państwo panstwo nadal
        są sa ich ma ja mam ktoś ktos tu wszystko nawet""",
    "tr": """ve bir bu da de için icin ile çok cok ne mi mı mu mü ama daha gibi var yok olan kadar sonra
        ben sen biz siz o şu her hiç hic neden nasıl nasil hala hâlâ artık artik hemen lütfen lutfen
        teşekkürler tesekkurler teşekkür tesekkur merhaba sipariş siparis bana beni benim sizin size
        değil degil oldu ki en hep şey sey iyi zaman bile şimdi simdi""",
    "sv": """och att det som en är ar på pa i för med har inte jag de du ni vi om till av den ett var men
        så kan vill min mitt mina er från fran när nar varför varfor hur vad redan fortfarande ännu
        tack hej nu bara mycket också ocksa ingen inget aldrig skulle måste maste blev fick få ha ja sa
        efter alla någon nagon något här hade vara nej sedan""",
}

# Letters only some of the languages use, counted once per text.
_LETTERS: dict[str, str] = {
    "ñ": "es", "¿": "es", "¡": "es",  # ¿ and ¡ are punctuation, but as telling as a letter
    "ß": "de", "ä": "de sv", "ö": "de sv tr", "ü": "de tr",
    "ç": "fr pt tr", "à": "fr it pt", "è": "fr it", "ê": "fr pt", "â": "fr pt", "ô": "fr pt", "œ": "fr",
    "î": "fr", "û": "fr", "ë": "fr", "ï": "fr", "ù": "fr it", "é": "fr es pt it",
    "ì": "it", "ò": "it",
    "á": "es pt", "í": "es pt", "ú": "es pt", "ó": "es pt pl", "ã": "pt", "õ": "pt",
    "ą": "pl", "ę": "pl", "ł": "pl", "ś": "pl", "ż": "pl", "ź": "pl", "ć": "pl", "ń": "pl",
    "ğ": "tr", "ş": "tr", "ı": "tr",
    "å": "sv",
}
# Letters none of those languages writes, but other Latin-script ones do (Czech, Romanian,
# Vietnamese, Danish...). They score for "other": a text whose best score is "other" is "und",
# since the alternative is a confident wrong answer (Czech read as Polish, Romanian as French).
_FOREIGN_LETTERS = "ățěřůčšžďťňľĺŕđươőűāēīūģķļņėįųøæðþýĩũ" + "".join(map(chr, range(0x1EA0, 0x1EFA)))

# Scores are packed into one int, a 32-bit field per language plus two counters, so that scoring a
# text is `sum()` over dictionary hits, in C, and unpacking it one `struct.unpack`. Weights are
# integers so ties are exact: 2520 divides evenly by every share count 1..10. Reading at most
# _MAX_CHARS characters keeps every field far below 2**32 (and the cost bounded for long e-mails).
_MAX_CHARS = 1_000
_UNIT = 2520
_LETTER_UNIT = 2 * _UNIT  # a distinctive letter is worth two words
_BITS = 32
_SHIFTS = tuple(_BITS * index for index in range(len(LATIN_LANGUAGES)))
_OTHER_SHIFT = _BITS * len(LATIN_LANGUAGES)  # score of languages we do not tell apart
_WORDS_SHIFT = _OTHER_SHIFT + _BITS  # counter: words that scored
_LETTERS_SHIFT = _WORDS_SHIFT + _BITS  # counter: distinctive letters found
_FIELDS = struct.Struct(f"<{len(LATIN_LANGUAGES) + 3}I")  # little-endian 32-bit fields, low to high


def _packed(languages: list[str], unit: int, counter_shift: int | None) -> int:
    share = unit // len(languages)
    score = sum(share << _SHIFTS[LATIN_LANGUAGES.index(language)] for language in languages)
    return score if counter_shift is None else score + (1 << counter_shift)


def _word_scores() -> dict[str, int]:
    speakers: dict[str, list[str]] = {}
    for language, words in _WORDS.items():
        for word in words.split():
            speakers.setdefault(word, []).append(language)
    return {word: _packed(languages, _UNIT, _WORDS_SHIFT) for word, languages in speakers.items()}


_WORD_SCORES = _word_scores()
_LETTER_SCORES = {letter: _packed(languages.split(), _LETTER_UNIT, _LETTERS_SHIFT)
                  for letter, languages in _LETTERS.items()}
_LETTER_SCORES |= {letter: (_LETTER_UNIT << _OTHER_SHIFT) + (1 << _LETTERS_SHIFT) for letter in _FOREIGN_LETTERS}
# The Dutch "ij" (mijn, zijn, bij) weighs one word and is not counted as evidence on its own:
# English has "Fiji" and "Beijing".
_IJ_SCORE = _packed(["nl"], _UNIT, None)
_DISTINCTIVE = re.compile("[" + "".join(_LETTER_SCORES) + "]")

# --- scripts ------------------------------------------------------------------------------------------

_LATIN, _OTHER, _CJK, _CYRILLIC = "latin", "other", "cjk", "cyrillic"
# Code point ranges, as regex class contents. Latin is written in these ranges; every script named
# below is a language (or, for CJK and Cyrillic, a choice made in `_script_language`); a letter in
# none of them is of an "other" script, which we do not name.
_LATIN_RANGES = "\x00-\u024f\u1e00-\u1eff\u2c60-\u2c7f\ua720-\ua7ff\uff21-\uff5a"
_SCRIPT_RANGES: dict[str, str] = {
    "el": "\u0370-\u03ff\u1f00-\u1fff",
    _CYRILLIC: "\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f",
    "he": "\u0590-\u05ff\ufb1d-\ufb4f",
    "ar": "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff",
    "hi": "\u0900-\u097f",
    "th": "\u0e00-\u0e7f",
    "ko": "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff",
    # kana and Han: Japanese mixes them in every sentence, so they are one script until the end
    _CJK: "\u3005-\u3007\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
          "\U00020000-\U0003134f",
}
_ALL_NAMED = "".join(_SCRIPT_RANGES.values())
_CHARACTER_WEIGHT = {_CJK: 3, "ko": 3}  # one syllable or morpheme is worth about three letters


def _letters_outside(ranges: str) -> str:
    """A regex class: letters (word characters but digits and '_') outside `ranges`."""
    return rf"[^\W\d_{ranges}]"


_NON_LATIN = re.compile(_letters_outside(_LATIN_RANGES))  # emoji and punctuation are not letters
_SCRIPT_OF = re.compile("|".join(f"(?P<{script}>[{ranges}])" for script, ranges in _SCRIPT_RANGES.items()))
# Runs of one script, to count its letters; and a letter of any third script, to notice mixtures.
_RUNS = {script: re.compile(f"[{ranges}]+") for script, ranges in _SCRIPT_RANGES.items()} | {
    _OTHER: re.compile(_letters_outside(_LATIN_RANGES + _ALL_NAMED) + "+")}
_THIRD_SCRIPT = {script: re.compile(_letters_outside(_LATIN_RANGES + ranges))
                 for script, ranges in _SCRIPT_RANGES.items()} | {
    _OTHER: re.compile(f"[{_ALL_NAMED}]")}
_KANA = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")
_UKRAINIAN = re.compile("[іїєґ]")  # a regex: frozenset.isdisjoint(text) is 7 times slower

# --- text to words ------------------------------------------------------------------------------------

# Handles, links and e-mail domains are not the writer's language ("@el_que", "/de/la/").
_NOISE = re.compile(r"(?:@|https?://|www\.)\S*")
# ASCII text, once lowercased: every character but letters and the apostrophe becomes a space.
# Every code point is in the table: a missing one costs a KeyError inside str.translate.
_ASCII_WORDS = {code: chr(code) if chr(code).isalpha() or chr(code) == "'" else " " for code in range(128)}
# Other text, once lowercased: runs of Latin letters and apostrophes ("don't", "l'app", "c'è").
# '#' is not a letter, so a hashtag's mark drops and its word stays; digits and emoji never match.
_LATIN_WORDS = re.compile("[a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff']+")
_ANY_WORDS = re.compile(r"[^\W\d_]+")
_FANCY_LETTERS = re.compile("[\uff21-\uff3a\uff41-\uff5a\U0001d400-\U0001d7ff]")  # fullwidth, mathematical


def detect_language(text: str) -> str:
    """The ISO 639-1 code of `text`'s language, or "und" when it cannot tell (see the module docstring)."""
    text = text[:_MAX_CHARS].lower()
    if text.isascii():
        text = _without_noise(text)
        return _latin_language(text.translate(_ASCII_WORDS).split(), text, ascii_only=True)
    text = _without_noise(_normalise(text))
    words = _LATIN_WORDS.findall(text)
    first = _NON_LATIN.search(text)
    if first is not None:
        script = _dominant_script(text, first.group(), latin_letters=sum(map(len, words)))
        if script != _LATIN:
            return _script_language(script, text)
    return _latin_language(words, text, ascii_only=False)


def _without_noise(text: str) -> str:
    if "@" in text or "://" in text or "www." in text:
        return _NOISE.sub(" ", text)
    return text


def _normalise(text: str) -> str:
    """NFC (so 'é' typed as e + accent is one letter), or NFKC when the 𝐛𝐨𝐥𝐝 or ｆｕｌｌｗｉｄｔｈ letters
    of fancy-text generators appear (not always: it is slow on CJK text, whose fullwidth punctuation
    it would rewrite for nothing); typographic apostrophes; Turkish dotted i."""
    if _FANCY_LETTERS.search(text):
        text = unicodedata.normalize("NFKC", text)
    elif not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text.replace("\u2019", "'").replace("i\u0307", "i")  # "İ".lower() is i + combining dot


# --- scripts ----------------------------------------------------------------------------------------


def _dominant_script(text: str, first_letter: str, *, latin_letters: int) -> str:
    """The script with the most (weighted) letters; a tie goes to the non-Latin one, since Latin is
    what other scripts borrow (brands, product names)."""
    script = _script_of(first_letter)
    if _THIRD_SCRIPT[script].search(text):
        return _dominant_script_by_words(text)  # three or more scripts: count word by word
    letters = len(text) - len(_RUNS[script].sub("", text))  # faster than summing findall()'s lengths
    letters *= _CHARACTER_WEIGHT.get(script, 1)
    return script if letters >= latin_letters else _LATIN


def _dominant_script_by_words(text: str) -> str:
    letters: dict[str, int] = {}
    for word in _ANY_WORDS.findall(text):
        script = _script_of(word[0])
        letters[script] = letters.get(script, 0) + len(word) * _CHARACTER_WEIGHT.get(script, 1)
    # max() keeps the first of equal counts: a tie goes to the script seen first.
    return max(letters, key=letters.__getitem__)


def _script_of(letter: str) -> str:
    if not _NON_LATIN.match(letter):
        return _LATIN
    named = _SCRIPT_OF.match(letter)
    return named.lastgroup if named is not None and named.lastgroup else _OTHER


def _script_language(script: str, text: str) -> str:
    if script == _CJK:
        return "ja" if _KANA.search(text) else "zh"
    if script == _CYRILLIC:
        return "uk" if _UKRAINIAN.search(text) else "ru"
    if script == _OTHER:
        return UNDETERMINED
    return script


# --- Latin ------------------------------------------------------------------------------------------


def _latin_language(words: list[str], text: str, *, ascii_only: bool) -> str:
    if not words:
        return UNDETERMINED
    total = sum(map(_WORD_SCORES.get, words, repeat(0)))
    if "'" in text:
        total += sum(_elision_score(word) for word in words if "'" in word and word not in _WORD_SCORES)
    if not ascii_only:
        total += sum(map(_LETTER_SCORES.__getitem__, set(_DISTINCTIVE.findall(text))))
    if "ij" in text:
        total += _IJ_SCORE
    return _decide(total)


def _elision_score(word: str) -> int:
    """A word with an apostrophe that is not in the tables: "'quoted'", or an elision ("l'app")
    scored by its first part ("l'")."""
    word = word.strip("'")
    if "'" not in word:
        return _WORD_SCORES.get(word, 0)
    return _WORD_SCORES.get(word[: word.index("'") + 1], 0)


def _decide(total: int) -> str:
    *scores, other, scoring_words, distinctive_letters = _FIELDS.unpack(total.to_bytes(_FIELDS.size, "little"))
    if scoring_words < 2 and not distinctive_letters:
        return UNDETERMINED  # too little evidence
    best = max(scores)
    if best <= other or scores.count(best) > 1:
        return UNDETERMINED  # a language we do not tell apart, or a tie
    return LATIN_LANGUAGES[scores.index(best)]
