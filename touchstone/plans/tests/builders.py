"""Test data for plans, built through the services (so it is exactly what the app makes)."""

from touchstone.plans.imports import plan_import

SAMPLE_CSV = (
    "area,target,action,due,leads,progress,rag,status,ref\n"
    "Registration,Register is accurate,Publish the advocates register,July 2009,BB IW,"
    "Draft ready,G,in progress,2.1.1\n"
    "Registration,Register is accurate,Review member specialisms,TBA,TB,,A,not started,2.1.2\n"
    "Registration,CPD is kept,Review the CPD scheme,December 2009,BB,,,complete,2.2.1\n"
    "Fitness to practise,Timely cases,Introduce case tracking,Q1 2018-19,BB,,R,,3.1.1\n"
    "Fitness to practise,Timely cases,Monitor KPIs,Ongoing,BB LN,,,ongoing,3.1.2\n"
)


def sample_plan(organisation, *, name="Business plan", acting_user=None, csv=SAMPLE_CSV):
    return plan_import(
        acting_user=acting_user,
        organisation=organisation,
        name=name,
        filename="plan.csv",
        data=csv.encode(),
    ).plan


def many_actions_csv(count: int) -> str:
    rows = [
        f"Area {i % 3},Target {i % 5},Action number {i},July 2009,BB,Note {i},G,in progress,{i}"
        for i in range(count)
    ]
    return "area,target,action,due,leads,progress,rag,status,ref\n" + "\n".join(rows) + "\n"
