"""A title naming the file an addendum to a report sent before (interpret/addendum.py)."""

from __future__ import annotations

import pytest

from muniflow.interpret.addendum import adds_to_report


@pytest.mark.parametrize(
    ("title", "adds"),
    [
        ("Дополнение к отчёту Администрации Энского района о международных мероприятиях", True),
        ("Дополнение № 2 к отчёту о международных мероприятиях за III квартал 2024 года", True),
        ("Дополнительная информация к отчёту о мероприятиях за I квартал", True),
        ("Дополнительные сведения к информации о международных мероприятиях", True),
        # a letterhead above, the heading wrapped: the line opening in lower case goes on it
        ("Администрация Энского округа\nДополнительная информация\nк отчёту за II квартал 2024 года", True),
        # a report naming additional events, or saying more will follow: no addendum
        ("Отчёт о дополнительных мероприятиях за II квартал 2024 года", False),
        ("Дополнительная информация будет направлена позднее", False),
        ("Информация о международных мероприятиях за II квартал 2024 года", False),
        ("Уточнённый отчёт о международных мероприятиях", False),
        ("Дополнение к плану мероприятий", False),  # adds to a plan, not to a report
    ],
)
def test_the_title_says_whether_the_file_adds_to_a_report(title: str, adds: bool) -> None:
    assert adds_to_report(title) is adds
