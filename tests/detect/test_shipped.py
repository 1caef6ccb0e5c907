"""shipped: past-tense "shipped" for software, models, features, releases; never goods or lookalike words."""

import pytest

POSITIVE = [
    "Shipped a fraud model that scores every card transaction",
    "We shipped the new search ranking to all users in March",
    "Have shipped 14 releases of the mobile app",
    "Had shipped the recommendation service before the reorg",
    "Shipped to prod a rewrite of the billing API",
    "shipped v2 of the churn model with calibrated scores",
    "Shipped v3 of the pallet-and-person detector to the customer fleet",
    "Shipped a Streamlit readout app for experiment results",
    "Shipped faceted search and typo tolerance in 2014",
    "Designed, built and shipped the onboarding flow",
    "The team shipped weekly releases of the payments SDK",
]

NEGATIVE = [
    "Will ship the model next quarter",
    "Plan to ship the ranking service in Q3",
    "Wrote ship-ready inference code for the fraud tagger",
    "Completed a summer internship at a logistics startup",
    "Managed the customer relationship with three vendors",
    "Reconciled inbound shipments against advance shipping notices",
    "Shipping features every sprint is what I enjoy",
    "The search org ships a ranking release every two weeks",
    "Picked, packed and shipped customer orders",
    "Made sure every outbound trailer shipped on time",
    "Shipped 4,000 parcels a day from the Leeds depot",
    "Shipped goods to retailers across the region",
    "Shipped freight by rail to three ports",
    "Did not ship the model because of a data contract",
    "Never shipped anything to production",
    "Eager to learn how teams shipped large models",
]


@pytest.mark.parametrize("text", POSITIVE)
def test_shipped_positive(found, text):
    sig = found(text)["shipped"]
    assert sig.match.lower() == "shipped"
    assert sig.rule == "shipped.past_tense"


@pytest.mark.parametrize("text", NEGATIVE)
def test_shipped_near_miss(found, text):
    assert "shipped" not in found(text)
