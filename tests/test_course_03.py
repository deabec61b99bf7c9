"""Notebook 03 (counting Ki-67 and mitoses) as a course: the checks its cells used to perform in front of the
trainee (printed wrong and right answers, panels driven from code) live here.

The questions are taken from the notebook itself (its import cell and its question cells are executed here), so a
change to a case in the notebook is tested too; keys and feedback are asserted as the old cells showed them.
"""
from __future__ import annotations

import re

import pytest

from netlib.counting import fields, ki67, mitoses, slide
from netlib.teaching import exercises, tables, widgets
from netlib.teaching import questions as Q

from .course import SNAKE, output_text, read_cells, read_questions, right, source

NOTEBOOK = "03_counting_ki67_and_mitoses.ipynb"


@pytest.fixture(scope="module")
def notebook_questions() -> dict[str, Q.Question]:
    """Title -> Question, built by the notebook's own cells."""
    return read_questions(NOTEBOOK)


@pytest.fixture(scope="module")
def field():
    return fields.synthetic_field(seed=2022)


def test_the_notebook_has_two_self_checks_and_five_tasks(notebook_questions):
    assert sorted(notebook_questions) == ["Self-check 1", "Self-check 2", "Task 1", "Task 2", "Task 3", "Task 4",
                                          "Task 5"]
    assert notebook_questions["Self-check 1"].kind == notebook_questions["Self-check 2"].kind == "choice"
    assert [notebook_questions[f"Task {i}"].kind for i in range(1, 6)] == ["number", "number", "number", "text",
                                                                           "number"]


# --- the hot-spot counter (formerly driven from the cell after it) ----------------------------------------------------
def test_hotspot_counter_far_from_the_hot_spot_then_in_it(field):
    counter = widgets.hotspot_counter(field)
    counter.squares.value = ("A1", "A2")
    counter.positive.value, counter.total.value = 1, 40
    fb = counter.check()
    assert fb.correct is False
    assert "truth: 2 positive of 37 = 5.4 %" in fb.message
    assert "none of your squares lies in the hot spot" in fb.message and "only 37 cells" in fb.message
    counter.squares.value = field.hotspot_squares
    counter.positive.value, counter.total.value = field.counts(field.hotspot_squares)
    fb = counter.check()
    assert fb.correct is True and "truth: 73 positive of 648 = 11.3 %" in fb.message


def test_hotspot_summary_in_words(field):
    md = tables.hotspot_summary(field)
    assert "| Hot spot (squares B3, C2, C3, C4, D3) | 73 | 648 | 11.3 % |" in md.data
    assert "| Whole field | 101 | 1200 | 8.4 % |" in md.data


# --- counting noise: the table, the explorer and the cohort -----------------------------------------------------------
def test_grade_chances_for_a_true_2_5_percent_on_500_cells():
    md = tables.ki67_grade_chances(2.5, cells=500)
    assert "| NET G1 | 72.7 % |" in md.data and "| NET G2 | 27.3 % |" in md.data and "| NET G3 | < 0.1 % |" in md.data
    assert not SNAKE.findall(md.data)
    p = ki67.grade_probabilities(2.5, 500)
    assert round(p["NET G2"], 3) == 0.273


def test_grade_chances_for_several_counts():
    md = tables.ki67_grade_chances(2.8, cells=[500, 2000])
    assert "counting 500 cells | counting 2000 cells" in md.data
    assert "| NET G2 | 43.0 % | 31.2 % |" in md.data


def test_misgrade_explorer_at_2_8_percent_and_2000_cells():
    """The deleted cell set 2.8 % and 2000 cells from code; the notebook now starts the explorer there."""
    ex = widgets.misgrade_explorer()
    ex.true_index.value = 2.8
    ex.cells.value = 2000
    assert {k: round(v, 3) for k, v in ex.probabilities.items()} == {"NET G1": 0.688, "NET G2": 0.312, "NET G3": 0.0}
    started = widgets.misgrade_explorer(true_index=2.8, cells=2000)
    assert started.probabilities == ex.probabilities
    assert "Counting 2000 cells from a true 2.8 %" in started.output.value


def test_mitotic_band_errors_halve_with_10_mm2():
    md = tables.mitotic_band_errors(1.5, areas=[2, 10])
    assert "| 2 mm² | 44.2 % |" in md.data and "| 10 mm² (then divided by 5) | 22.4 % |" in md.data


# --- the microscope: self-check 1 and the converter --------------------------------------------------------------------
def test_self_check_1_fields_for_10_mm2(notebook_questions):
    q = notebook_questions["Self-check 1"]
    assert [o.label for o in q.options] == ["33 fields", "42 fields", "43 fields", "50 fields"]
    assert right(q) == "43 fields"
    ok, message = q.check("50 fields")
    assert ok is False and "10 fields per 2 mm² holds only for a 0.2 mm² field" in message
    ok, message = q.check("33 fields")
    assert ok is False and "circle" in message
    ok, message = q.check("42 fields")
    assert ok is False and "round up" in message
    ok, message = q.check("43 fields")
    assert ok is True and "0.2376 mm²" in message


def test_self_check_1_offers_each_misconception_of_the_key():
    """The options are the key and every trap of netlib's numeric key for the same question."""
    key = exercises.fields_needed_key(22, 40, 10)
    assert key.value == 43 and key.tolerance == 0
    assert sorted([key.value, *(t.value for t in key.traps)]) == [33, 42, 43, 50]


def test_mitoses_converter_with_field_number_20():
    converter = widgets.mitoses_converter()
    converter.field_number.value = 20
    assert converter.text == ("Field diameter 0.500 mm, area 0.1963 mm²; 51 fields = 10 mm². 9 mitoses in 43 fields "
                              "= 2.13 per 2 mm².")


# --- the typed tasks (formerly printed: a wrong answer, then the right one) ------------------------------------------
def test_task_1_ki67_index_30_of_600(notebook_questions):
    q = notebook_questions["Task 1"]
    assert q.answer == pytest.approx(5.0) and q.tolerance == pytest.approx(0.05)
    assert "0.05 percentage points" in q.prompt
    ok, message = q.check("5.26")
    assert ok is False and "divided by the negative cells only" in message
    assert q.check("5.0")[0] is True and q.check("5,04")[0] is True and q.check("5.1")[0] is False
    assert q.check("five")[0] is None


def test_task_2_ki67_index_45_of_900(notebook_questions):
    """Formerly a widget quiz driven from the next cell: 0.05 (wrong), then 5.0 (right)."""
    q = notebook_questions["Task 2"]
    ok, message = q.check("0.05")
    assert ok is False and "that is a fraction" in message
    ok, message = q.check("5.0")
    assert ok is True and "45 / 900 x 100 = 5.00 %" in message


def test_task_3_mitoses_per_2mm2(notebook_questions):
    q = notebook_questions["Task 3"]
    assert q.answer == pytest.approx(9 * 2 / (43 * 0.2376)) and "within 0.05" in q.prompt
    assert q.tolerance == pytest.approx(0.05)
    ok, message = q.check(f"{9 * 10 / 43:.2f}")
    assert ok is False and "per 10 high-power fields" in message
    ok, message = q.check("1,76")
    assert ok is True and "1.76 per 2 mm²" in message
    assert q.check("9")[0] is False


def test_task_4_report_comment(notebook_questions):
    q = notebook_questions["Task 4"]
    assert q.model_answer == tables.ki67_report_comment(14, 480)
    for words in ("Ki-67 2.9 %", "14 of 480", "1.7-4.8 %", "Fewer than 500 cells", "3 % cut-off", "NET G1"):
        assert words in q.model_answer, words
    c = ki67.count(14, 480)
    assert set(c.flags) == {"fewer_than_500_cells", "interval_crosses_cutoff"}


def test_task_4_is_not_answered_by_the_worked_count():
    """The worked count before Task 4 uses other numbers (near the 20 % cut-off), so its interval and warnings do
    not answer the task; it still shows both warnings the task's comment needs."""
    cells = read_cells(NOTEBOOK)
    i = next(i for i, c in enumerate(cells) if '"Task 4"' in source(c))
    worked = [c for c in cells[:i] if c["cell_type"] == "code" and source(c).startswith("ki67.count(")]
    assert [source(c) for c in worked] == ["ki67.count(85, 400)"]
    shown = "\n".join(output_text(c) for c in cells[:i])
    task = ki67.count(14, 480)
    for words in ("14 positive of 480", f"{task.ci_low:.1f}-{task.ci_high:.1f} %", "Only 480 cells"):
        assert words not in shown, words
    example = ki67.count(85, 400)
    assert set(example.flags) == set(task.flags) == {"fewer_than_500_cells", "interval_crosses_cutoff"}
    assert any("cut-off(s) 20 %" in step for step in example.steps)
    assert "close to the 20 % cut-off" in source(cells[cells.index(worked[0]) - 1])


def test_the_10_mm2_key_point_says_what_the_numbers_show():
    """10 mm² halves the chance of the wrong band only away from the cut-off (1.5 per 2 mm²: 44 % -> 22 %); near
    the cut-off it stays around one in two for both areas."""
    md = "\n".join(source(c) for c in read_cells(NOTEBOOK) if c["cell_type"] == "markdown")
    assert "halves the chance" not in md
    p2, p10 = (mitoses.crossing_probability(1.5, a) for a in (2, 10))
    assert f"about {100 * p10:.0f} % of the time instead of {100 * p2:.0f} %" in md
    assert md.count("one in two") == 2
    near = [mitoses.crossing_probability(x, a) for x in (1.9, 1.99, 2.0) for a in (2, 10)]
    assert all(0.4 <= p <= 0.6 for p in near), near


def test_report_comment_for_a_safe_count():
    text = tables.ki67_report_comment(73, 648)
    assert text.endswith("The count supports NET G2.") and "fragile" not in text


# --- the notebook as the trainee gets it --------------------------------------------------------------------------
def test_questions_are_tagged_and_announced():
    cells = read_cells(NOTEBOOK)
    asked = 0
    for i, c in enumerate(cells):
        src = source(c)
        if c["cell_type"] == "code" and "Q." in src:
            asked += 1
            tags = c["metadata"].get("tags", [])
            assert tags == ["self-check" if "Self-check" in src else "task"], (i, tags)
            lead = source(cells[i - 1])
            assert cells[i - 1]["cell_type"] == "markdown" and ("press **Check**" in lead
                                                                 or "Show the model answer" in lead), i
    assert asked == 7


def test_no_driver_cells_and_no_feedback_stored():
    for c in read_cells(NOTEBOOK):
        src = source(c)
        assert ".value =" not in src and ".click()" not in src and "counter.check" not in src
        assert "check_ki67_index(" not in src and "check_mitoses_per_2mm2(" not in src
        for out in c.get("outputs", []):
            text = "".join(out.get("text", "")) + "".join(out.get("data", {}).get("text/markdown", ""))
            assert not re.search(r"Correct:|Not quite|Right\. |Not yet:", text)


# --- section 9: a real Ki-67 stain ----------------------------------------------------------------------------------
def test_task_5_counts_the_annotated_region(notebook_questions):
    q, key = notebook_questions["Task 5"], slide.annotation()
    assert q.answer == pytest.approx(key.index_percent) and q.tolerance == slide.TOLERANCE_POINTS
    assert f"within {slide.TOLERANCE_POINTS:g} percentage points" in q.prompt
    assert q.check(f"{key.index_percent + slide.TOLERANCE_POINTS - 0.05:.2f}")[0] is True
    assert q.check(f"{key.index_percent - slide.TOLERANCE_POINTS - 0.05:.2f}")[0] is False
    ok, message = q.check(f"{key.index_with_equivocal_percent:.1f}")
    assert ok is False and "equivocal" in message
    ok, message = q.check(f"{key.positive / key.total:.3f}")
    assert ok is False and "fraction" in message
    ok, message = q.check(f"{key.index_percent:.1f}".replace(".", ","))
    assert ok is True and f"{key.positive} clearly positive of {key.total}" in message
    assert slide.count_explanation().replace("'", "&#x27;") in q.explanation_html
    assert "tumour cells" not in q.explanation_html and "change the grade" not in q.explanation_html
    ok, message = q.check(f"{100 * 27 / 139:.1f}")  # an honest count, equivocal nuclei judged differently
    assert ok is False and "negative nuclei only" not in message and slide.RECOUNT in message


def test_self_check_2_on_the_threshold_sweep(notebook_questions):
    q = notebook_questions["Self-check 2"]
    assert [o.label for o in q.options] == list(slide.MEANING_OPTIONS)
    assert right(q) == slide.MEANING_OPTIONS[0]
    ok, message = q.check(slide.MEANING_OPTIONS[1])
    assert ok is False and "Neither scan is a reference" in message
    ok, message = q.check(slide.MEANING_OPTIONS[0])
    assert ok is True and "11.9-20.5 %" in message and not message.startswith("Right")


def test_real_stain_section_states_what_the_data_show():
    """The numbers typed in the section's Markdown are the ones netlib computes or the images' README gives."""
    cells = read_cells(NOTEBOOK)
    md = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    (n_lo, n_hi), (v_lo, v_hi) = slide.PUBLISHED_QUPATH_RANGE["ndpi"], slide.PUBLISHED_QUPATH_RANGE["vsi"]
    assert f"{n_lo}–{n_hi} % on the Hamamatsu scan and {v_lo}–{v_hi} % on the Olympus scan" in md
    assert f"±{slide.TOLERANCE_POINTS:g} percentage points" in md
    key = slide.annotation()
    assert (f"from about {key.index_percent:.0f} % to {key.index_with_equivocal_percent:.0f} %") in md
    assert "tissue unspecified" in md and "**not** a" in md
    sweep = slide.threshold_sweep()
    assert all(min(c.index_percent for c in s) < 20 < max(c.index_percent for c in s) for s in sweep.values())
    assert min(c.index_percent for c in sweep["vsi"]) < 3  # "drops below 3 %"


def test_every_real_image_figure_carries_the_credit_line():
    cells = read_cells(NOTEBOOK)
    shown = [c for c in cells if c["cell_type"] == "code" and "slide_figures." in source(c)]
    assert len(shown) == 4
    for c in shown:
        assert slide.CREDIT in output_text(c).replace("\\_", "_"), source(c)


def test_real_stain_task_says_what_is_counted_and_how_long_it_takes():
    """Task 5's instructions: practice only (not >= 500 cells, not a hot spot), what the key's denominator holds and
    what a real count's holds, the equivocal rule as this exercise's convention, and a realistic time."""
    cells = read_cells(NOTEBOOK)
    md = "\n".join(source(c) for c in cells if c["cell_type"] == "markdown")
    task = next(source(c) for c in cells if source(c).startswith("**Count it yourself.**"))
    assert "practice only" in task and "at least 500 tumour cells in the hot spot" in task
    assert "tumour-cell nuclei only" in task and "squares C1 and C2" in task and "key counted every nucleus" in task
    assert "convention of this exercise" in task and "10–15 minutes" in task
    assert "five minutes" not in md and "Count every nucleus" not in md
    assert "petebankhead/2022-qupath-cell-detection" in md
    assert "slide.threshold_sweep`" not in md


def test_real_stain_captions_name_no_code_and_no_coordinates():
    cells = read_cells(NOTEBOOK)
    shown = [output_text(c) for c in cells if c["cell_type"] == "code" and "slide_figures." in source(c)]
    for text in shown:
        assert "netlib." not in text.replace("\\_", "_") and "synthetic_field" not in text.replace("\\_", "_")
        assert not re.search(r"\(\d+, \d+\) µm", text), text
