"""Format of an event from its cue words: each cue of the contract, and how cues combine."""

from __future__ import annotations

import pytest

from muniflow.enrich import event_format

CASES = [
    # (goal text, expected format, a cue that must be reported, why)
    ("Встреча прошла в формате видеоконференцсвязи", "online", "видеоконференцсвязи", "video conference"),
    ("Совещание в режиме ВКС", "online", "ВКС", "the abbreviation of a video conference"),
    ("Участие в международном вебинаре", "online", "вебинаре", "webinar, inflected"),
    ("Международный телемост «Беларусь-Россия»", "online", "телемост", "tele-bridge"),
    ("Видеомост двух городов", "online", "Видеомост", "video bridge"),
    ("Конференция проходила онлайн", "online", "онлайн", "online"),
    ("Онлайн-встреча с коллегами", "online", "Онлайн-встреча", "online compound"),
    ("Фестиваль проводился в формате видео-концерта", "online", "видео-концерта", "video concert relay"),
    ("Приняли участие в дистанционном формате", "online", "дистанционном формате", "remote format"),
    ("Конференция проводилась дистанционно", "online", "проводилась дистанционно", "the whole event remote"),
    ("Заседание клуба проведено дистанционно", "online", "проведено дистанционно", "short participle"),
    ("Лекции были проведены удалённо", "online", "проведены удалённо", "plural short participle, удалённо"),
    ("Слёт, проведённый дистанционно", "online", "проведённый дистанционно", "a full participle"),
    ("Встреча состоится дистанционно", "online", "состоится дистанционно", "future tense of состояться"),
    (
        "Очная форма для всех, кроме гостей, которые выступали дистанционно",
        "hybrid",
        "дистанционно",
        "some took part remotely while the rest met in person",
    ),
    ("Участники выступали дистанционно", "hybrid", "дистанционно", "partly remote without more: hybrid"),
    ("Форум в гибридном формате", "hybrid", "гибридном", "named hybrid"),
    ("Семинар в смешанном формате", "hybrid", "смешанном формате", "mixed format"),
    ("В очном формате и по видеоконференцсвязи", "hybrid", "очном формате", "in-person and online cues"),
    ("Конференция в очной форме", "in_person", "очной форме", "in-person cue alone"),
    (
        "Очный этап конкурса прошёл в ДК, жюри работало онлайн",
        "hybrid",
        "Очный",
        "an in-person stage and a remote jury: any form of очный is an in-person cue",
    ),
    ("Очные встречи и онлайн-консультации", "hybrid", "Очные", "in-person meetings and online ones"),
    ("Концерт хоровых коллективов", "in_person", None, "no cue: in person by default"),
    ("Показ видеофильма о городе", "in_person", None, "a film shown is not a video link"),
]


@pytest.mark.parametrize(("goal", "expected", "cue", "why"), CASES, ids=[c[0] for c in CASES])
def test_format_cue(goal: str, expected: str, cue: str | None, why: str) -> None:
    result = event_format("Мероприятие", "г. Смоленск", goal, "Участники")
    assert result.format == expected, why
    assert result.is_online == (expected == "online")
    if cue is None:
        assert result.cues == ()
    else:
        assert cue in result.cues, why


def test_cues_are_read_from_every_cell() -> None:
    assert event_format("", "г. Смоленск (формат видеоконференцсвязи)", "", "").format == "online"
    assert event_format("Участие в вебинаре", "г. Псков", "", "").format == "online"
    assert event_format("", "", "", "гости выступали дистанционно").format == "hybrid"


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("дистанционно", "online"),  # the place cell says only that: where it was held
        ("Удалённо.", "online"),
        ("Zoom", "online"),
        ("на платформе «Сферум»", "online"),
        ("Skype", "online"),
        ("г. Смоленск; часть участников подключилась дистанционно", "hybrid"),
        ("Зумба-клуб «Ритм», г. Смоленск", "in_person"),  # a word that only starts like a platform
    ],
)
def test_a_place_naming_a_remote_format_or_a_video_platform(place: str, expected: str) -> None:
    assert event_format("Встреча с коллегами", place, "Обмен опытом", "Педагоги").format == expected
