"""The scorecard as rows: each figure with its target, for the page's tables and its CSV
download (written by core.tabular)."""

from touchstone.casework import rules

COLUMNS = ("section", "group", "figure", "value", "target")
GROUP_WORDS = {"high": "High", "medium": "Medium", "low": "Low", "all": "All cases"}
SIDE_WORDS = {
    "satisfied_with_outcome": "satisfied with the outcome",
    "dissatisfied_with_outcome": "dissatisfied with the outcome",
}


def timeliness_rows(card: dict, targets: dict) -> list[dict]:
    rows = []
    for group in rules.GROUPS:
        figures = card["timeliness"][group]
        row = {"group": GROUP_WORDS[group], "concluded": figures["concluded"]}
        for n in rules.WITHIN:
            measure = f"within_{n}_pct"
            row[measure] = figures[measure]
            row[f"{measure}_target"] = targets.get((measure, group))
        row["median_days"] = figures["median_days"]
        rows.append(row)
    return rows


def satisfaction_rows(card: dict, targets: dict) -> list[dict]:
    return [
        {
            "party": party.capitalize(),
            "side": SIDE_WORDS[side],
            "responses": figures["responses"],
            "service_satisfied_pct": figures["service_satisfied_pct"],
            "target": targets.get((side, "all")),
        }
        for party in rules.PARTIES
        for side, figures in card["satisfaction"][party].items()
    ]


def scorecard_rows(card: dict, targets: dict):
    """Every figure of the scorecard as (section, group, figure, value, target) rows."""
    yield {
        "section": "Cases",
        "group": "",
        "figure": "accepted in the period",
        "value": card["accepted_in_period"],
        "target": None,
    }
    yield {
        "section": "Cases",
        "group": "",
        "figure": "open at the end",
        "value": card["open_at_end"],
        "target": None,
    }
    yield {
        "section": "Cases",
        "group": "",
        "figure": "concluded",
        "value": card["concluded"],
        "target": None,
    }
    for row in timeliness_rows(card, targets):
        for n in rules.WITHIN:
            yield {
                "section": "Timeliness",
                "group": row["group"],
                "figure": f"% within {n} days",
                "value": row[f"within_{n}_pct"],
                "target": row[f"within_{n}_pct_target"],
            }
        yield {
            "section": "Timeliness",
            "group": row["group"],
            "figure": "median days",
            "value": row["median_days"],
            "target": None,
        }
    for row in satisfaction_rows(card, targets):
        yield {
            "section": "Satisfaction with the service",
            "group": row["party"],
            "figure": f"% among those {row['side']}",
            "value": row["service_satisfied_pct"],
            "target": row["target"],
        }
    yield {
        "section": "Service complaints",
        "group": "",
        "figure": "% upheld",
        "value": card["service_complaints"]["upheld_pct"],
        "target": None,
    }
