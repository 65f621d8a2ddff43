-- The current roster in page order (city, county, community, household, member), led by the columns every current
-- entry shares: a page of the roster, of a unit or of a category reads the index in order from its first entry
-- instead of sorting every current member (over a million at province scale).
create index ix_roster_member_page on roster_member (generation, on_roster, valid_to, city_code, county_code,
                                                     community_code, household_id, member_no);
