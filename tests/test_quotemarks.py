"""Quotation spans: marks of every kind, nesting, multi-paragraph quotes, missing marks, apostrophes."""

import time

from hypothesis import given, settings, strategies as st

from sitrep.lang.quotemarks import find_quote_spans


def contents(text):
    scan = find_quote_spans(text)
    return [text[s.start:s.end] for s in scan.spans], scan


def test_straight_double_quotes():
    text = 'The minister said "the border stays closed" on Friday.'
    got, scan = contents(text)
    assert got == ["the border stays closed"]
    assert scan.warnings == []
    s = scan.spans[0]
    assert text[s.open_at] == '"' and text[s.close_at] == '"' and s.closed


def test_curly_single_angle_and_low9_marks():
    text = ("\u201cWe are ready,\u201d the general said. Officials called it \u2018a pause\u2019.\n"
            "\u00abNous restons\u00bb, a-t-il dit. \u201eWir bleiben\u201c, sagte er. \u00bbJa\u00ab, sagte sie.")
    got, scan = contents(text)
    assert got == ["We are ready,", "a pause", "Nous restons", "Wir bleiben", "Ja"]
    assert scan.warnings == []


def test_content_excludes_marks_and_offsets_slice_the_text():
    text = 'Aid groups warned of "a catastrophe\u00a0" in the camps.'
    scan = find_quote_spans(text)
    (s,) = scan.spans
    assert text[s.start:s.end] == "a catastrophe"
    assert s.outer_start == text.index('"') and s.outer_end == text.rindex('"') + 1


def test_apostrophes_are_not_quote_marks():
    text = ("Hay'at Tahrir al-Sham's fighters and the rebels' allies said it's over. "
            "HTS' leaders grew up in the '90s. Clinton\u2019s aides\u2019 notes were lost.")
    got, scan = contents(text)
    assert got == []
    assert scan.warnings == []


def test_apostrophes_inside_a_quote_do_not_close_it():
    text = '"It\'s the rebels\' plan, and we\'re watching," the envoy said.'
    got, _ = contents(text)
    assert got == ["It's the rebels' plan, and we're watching,"]


def test_single_quoted_headline_term():
    text = "Talks to Avoid 'Escalation'\nThe envoys met on Monday."
    got, _ = contents(text)
    assert got == ["Escalation"]


def test_nested_quotes_have_depth():
    text = '"He told us \'we will not retreat\' and left," the officer said.'
    scan = find_quote_spans(text)
    spans = sorted(scan.spans, key=lambda s: s.depth)
    assert [text[s.start:s.end] for s in spans] == ["He told us 'we will not retreat' and left,",
                                                    "we will not retreat"]
    assert [s.depth for s in spans] == [0, 1]
    assert [text[s.start:s.end] for s in scan.top_level()] == ["He told us 'we will not retreat' and left,"]


def test_curly_nested_quotes():
    text = "\u201cThe sign read \u2018no entry\u2019 in two languages,\u201d she said."
    scan = find_quote_spans(text)
    assert [(text[s.start:s.end], s.depth) for s in scan.spans] == [
        ("The sign read \u2018no entry\u2019 in two languages,", 0), ("no entry", 1)]


def test_multi_paragraph_quote_reopens_the_mark():
    text = ('"The first convoy arrived at dawn.\n'
            '"The second one was turned back at the crossing," the aid worker said.\n'
            'Officials did not comment.')
    scan = find_quote_spans(text)
    assert [text[s.start:s.end] for s in scan.spans] == [
        "The first convoy arrived at dawn.", "The second one was turned back at the crossing,"]
    first, second = scan.spans
    assert first.continues and not first.closed and second.continued and second.closed
    assert first.group == second.group != 0
    assert scan.warnings == []  # a reopened mark is not a missing one


def test_missing_closing_mark_ends_at_paragraph_with_warning():
    text = ('The governor said the city is "calm and under control.\n'
            'Residents were told to stay indoors.')
    scan = find_quote_spans(text)
    (s,) = scan.spans
    assert text[s.start:s.end] == "calm and under control."
    assert not s.closed
    assert len(scan.warnings) == 1 and "not closed" in scan.warnings[0]


def test_missing_opening_mark_starts_at_paragraph_with_warning():
    text = ('The ministry issued a statement.\n'
            'We will respond at a time of our choosing," the spokeswoman added.')
    scan = find_quote_spans(text)
    (s,) = scan.spans
    assert text[s.start:s.end] == "We will respond at a time of our choosing,"
    assert s.open_at is None and s.closed
    assert len(scan.warnings) == 1 and "no opening mark" in scan.warnings[0]


def test_mixed_curly_open_straight_close():
    text = '\u201cWe are watching closely," the adviser said.'
    got, scan = contents(text)
    assert got == ["We are watching closely,"]
    assert scan.warnings == []


def test_unbalanced_and_stray_marks_do_not_crash():
    for text in ['"', '""', "'", "\u201d", "\u00bb", '" " "', 'a " b \u201c c \u2019 d \u00ab e', "\n\n\"\n'",
                 '"' * 50, "\u201c" * 30 + "\u201d" * 7]:
        scan = find_quote_spans(text)
        for s in scan.spans:
            assert 0 <= s.start < s.end <= len(text)


def test_long_paragraph_without_punctuation_is_linear():
    words = " ".join(["word"] * 4000)  # a 20,000-character paragraph with no punctuation
    text = words[:20000]
    t0 = time.perf_counter()
    scan = find_quote_spans(text)
    assert scan.spans == []
    mixed = ('"' + "x " * 5000) * 2 + ("'a " * 3000)
    scan = find_quote_spans(mixed)
    assert time.perf_counter() - t0 < 1.0


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list('ab .,\n"\'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e')), max_size=80))
def test_any_input_gives_valid_spans(text):
    scan = find_quote_spans(text)
    for s in scan.spans:
        assert 0 <= s.start < s.end <= len(text)
        assert text[s.start:s.end].strip() == text[s.start:s.end]
        assert s.depth >= 0


def test_same_curly_mark_nested_inside_a_quote():
    text = "\u201cI would rather face what he calls \u201chell\u201d than that,\u201d \u2015 Ana Ruiz"
    scan = find_quote_spans(text)
    assert [(text[s.start:s.end], s.depth) for s in scan.spans] == [
        ("I would rather face what he calls \u201chell\u201d than that,", 0), ("hell", 1)]


def test_typewriter_doubled_marks():
    text = "``We will not overreact,'' he told me. ''Nor will we wait,'' she added.\n''It is over.\n''Done,'' he said."
    scan = find_quote_spans(text)
    assert [text[s.start:s.end] for s in scan.spans] == [
        "We will not overreact,", "Nor will we wait,", "It is over.", "Done,"]
    assert scan.spans[2].continues and scan.spans[3].continued
    assert scan.spans[0].outer_end == text.index(" he told")
