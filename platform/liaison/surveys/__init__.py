"""Community and member surveys built from the published policy's survey duty."""
