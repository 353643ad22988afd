"""Publishing from the warehouse: the region's quarterly compilation in its official form."""
