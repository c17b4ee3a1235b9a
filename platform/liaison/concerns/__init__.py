"""Community concerns: raised by citizens, officers, meetings or groups, routed as the
policy says (officer → supervisor → coordinator), documented monthly."""
