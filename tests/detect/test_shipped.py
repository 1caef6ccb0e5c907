"""shipped: past-tense "shipped" for software, models, features, releases; never goods or lookalike words."""

import pytest

POSITIVE = [
    "Shipped the grasp model to 300 robots in 4 warehouses",
    "Shipped the ranking model to 3 regions via a canary",
    "Shipped a fraud model that scores every card transaction",
    "We shipped the new search ranking to all users in March",
    "Have shipped 14 releases of the mobile app",
    "Had shipped the recommendation service before the reorg",
    "Shipped to prod a rewrite of the billing API",
    "shipped v2 of the churn model with calibrated scores",
    "Shipped v4 of the weed-and-crop segmenter to the partner tractors",
    "Shipped a Dash review app for forecast accuracy",
    "Shipped autocomplete and spelling correction in 2016",
    "Designed, built and shipped the onboarding flow",
    "The team shipped weekly releases of the payments SDK",
]

NEGATIVE = [
    "Preparing the model to be shipped in Q3 after the legal review",
    "Shipped spare GPUs and racks to the two new data centres",
    "Designed the brochures that were shipped to 80k households",
    "Worked with the hardware team on the 60 drones shipped to growers",
    "Coordinated a book drive and shipped 900 donated textbooks to rural schools",
    "Shelved returns and shipped interlibrary-loan books to partner campuses",
    "Cut repair time with pre-staged spares shipped to three depots",
    "Shipped the inspection cabinets to customers by truck",
    "Will ship the model next quarter",
    "Plan to ship the ranking service in Q3",
    "Wrote ship-ready scoring code for the spam filter",
    "Completed a summer internship at a logistics startup",
    "Managed the customer relationship with three vendors",
    "Matched outbound shipments against carrier shipping manifests",
    "Shipping features every sprint is what I enjoy",
    "The ads org ships a bidding release every sprint",
    "Sorted, boxed and shipped online orders",
    "Made sure every refrigerated truck shipped before the cut-off",
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
