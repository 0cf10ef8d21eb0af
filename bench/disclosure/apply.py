"""bench/disclosure: adopts and applies the demo Hanoi plan (after its consultation's results are
published it is CONSULTED), and waits until it is in effect."""
import time
import importlib.util
import os

spec = importlib.util.spec_from_file_location("setup", os.path.join(os.path.dirname(__file__), "..", "consultations", "setup.py"))
setup = importlib.util.module_from_spec(spec)
spec.loader.exec_module(setup)

plan = setup.call("{ plans { id status version title } }")["plans"][-1]
if plan["status"] != "IN_EFFECT":
    adopted = setup.call("""mutation($id: ID!, $v: Int) { adoptPlan(input: { planId: $id, expectedVersion: $v,
      number: "1656/NQ-UBTVQH15", date: "2025-06-16",
      confirmPastEffectiveDate: true }) { plan { status } userErrors { code message } } }""",
                         {"id": plan["id"], "v": plan["version"]})["adoptPlan"]
    assert not adopted["userErrors"], adopted
    setup.call("mutation($id: ID!) { applyPlan(planId: $id) { userErrors { code message } } }", {"id": plan["id"]})
    for _ in range(600):
        status = setup.call("query($id: ID!) { plan(id: $id) { status applyProgress { state message } } }",
                            {"id": plan["id"]})["plan"]
        if status["status"] == "IN_EFFECT":
            break
        time.sleep(1)
    assert status["status"] == "IN_EFFECT", status
print("plan applied")
