Feature: Protocol governance
  Who it protects: everyone relying on the protocol, who needs to know when the version the
  library applies may be out of date.
  Why: the protocol has applied since 1 August 2019 and is reviewed every year by the Safer
  Warwickshire Partnership Board (16.1, 19.1); its change history records the May 2024 update as
  the last (18). A decision made after the next review fell due (8 May 2025) says so, so that the
  officer checks for a newer version. These are duties of the Board, not of one disclosure.
  Clauses covered, for the organisations: 16.1, 18, 19.1.

  @clause-16.1 @clause-19.1 @clause-18 @fires
  Scenario: A decision made after the annual review fell due warns that the protocol may be out of date
    Given an ordinary lawful share
    And the decision is made on 1 June 2025
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 16.1
    And the officer is advised, citing clause 19.1
    And the officer is advised, citing clause 18
    And the officer is told that its annual review fell due on 8 May 2025, so it may be out of date

  @clause-16.1 @clause-19.1 @clause-18 @does-not-fire
  Scenario: A decision made within the year of the last review carries no warning
    Given an ordinary lawful share
    And the decision is made on 1 March 2025
    When the share is checked against the protocol
    Then the answer is share
    And clause 16.1 is not raised
    And clause 19.1 is not raised
    And clause 18 is not raised
