"""Register API serializers by audience: `public` and `staff`, beside the views that use them."""
