"""composer"""
