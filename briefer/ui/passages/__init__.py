"""passages"""
