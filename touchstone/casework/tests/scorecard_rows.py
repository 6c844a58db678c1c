"""Random case histories for the scorecard's property tests: plain rows for the rules, and
the same cases in the database for the selector."""

from datetime import date, timedelta

from hypothesis import strategies as st

START = date(2024, 1, 1)
ANSWER = st.sampled_from([True, False, None])


@st.composite
def case_rows(draw) -> dict:
    received = START + timedelta(days=draw(st.integers(0, 700)))
    accepted = draw(st.one_of(st.none(), st.integers(0, 30)))
    accepted_on = None if accepted is None else received + timedelta(days=accepted)
    concluded = draw(st.one_of(st.none(), st.integers(0, 420)))
    concluded_on = None if concluded is None else (accepted_on or received) + timedelta(concluded)
    return {
        "jurisdiction": draw(st.sampled_from(["legal", "cmc"])),
        "complexity": draw(st.sampled_from(["high", "medium", "low", ""])),
        "received_on": received,
        "accepted_on": accepted_on,
        "concluded_on": concluded_on,
        "satisfaction": {
            party: (draw(ANSWER), draw(ANSWER)) if concluded_on else (None, None)
            for party in ("complainant", "provider")
        },
        "service_complaints": draw(st.sampled_from([[], ["upheld"], ["not_upheld"], ["pending"]])),
    }


periods = st.tuples(st.integers(0, 900), st.integers(0, 400)).map(
    lambda p: (START + timedelta(days=p[0]), START + timedelta(days=p[0] + p[1]))
)
