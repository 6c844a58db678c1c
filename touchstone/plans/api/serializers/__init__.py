"""Plans API serializers by audience: `staff`, beside the views that use them."""
