Feature: Children and profiling
  Who it protects: children, and anyone who could be profiled, that is sorted or labelled from
  information pooled across agencies.
  Why: particular care is needed where sharing could amount to profiling, above all of children,
  and a legal justification must be available before any sensitive information is shared (4.7).
  The Children Acts 1989 and 2004 may give the power to share (Appendix 1).
  Clauses covered: 4.7, Appendix 1 (A1).

  @clause-4.7 @fires
  Scenario: Sharing that could profile children needs a legal justification first
    Given Warwickshire County Council propose to share a child's name and date of birth with Warwickshire Police
    And the share could amount to profiling children
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.7
    And the officer must refer to the Data Protection Officer

  @clause-4.7 @clause-A1 @fires
  Scenario: Information about a child is shared with special care
    Given Warwickshire Police propose to share a child victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 4.7
    And the officer is advised, citing clause A1
    And the officer is told that the Children Act 1989 and 2004 may give the power to share

  @clause-4.7 @does-not-fire
  Scenario: Information about an adult that profiles nobody raises neither
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.7 is not raised

  @clause-4.7 @fires
  Scenario: Sharing that could profile adults needs its legal justification recorded first
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the share could amount to profiling adults, but not children
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.7
    And a condition is to record the legal justification for the profiling before sharing
    And nobody needs to be asked first
    And the answer rests on the reading that profiling adults needs a legal justification too

  @clause-4.7 @fires
  Scenario: Profiling where it is not known whether children are among those profiled goes to the Data Protection Officer
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the share could amount to profiling, and it is not known whether of children
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.7
    And the officer must refer to the Data Protection Officer
