"""The standards demo: the shipped framework library in place (as `migrate` leaves it; loading
again changes nothing) and what it holds, for the demo standards body's officer to look at."""

from touchstone.standards.reference import load_reference_data
from touchstone.standards.selectors import framework_table, frameworks_current


def load(stdout) -> None:
    load_reference_data()
    stdout.write("Framework library (/standards/):")
    for framework in frameworks_current():
        table = framework_table(framework)
        mapped = sum(1 for row in table.standards if any(row.mappings.values()))
        stdout.write(
            f"  {framework.ref_id:<15} {framework.short_name} {framework.edition}: "
            f"{len(table.standards)} standards"
            + (f", {mapped} with equivalents in {', '.join(table.targets)}" if mapped else "")
        )
