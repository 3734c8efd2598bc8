Feature: SOCJAG meetings (Appendix 9)
  Who it protects: people discussed at the Serious and Organised Crime Joint Action Group, and
  the prosecutions that depend on evidence being gathered lawfully.
  Why: SOCJAG attendees sign the declaration of Appendix 9 (1.6): sharing is lawful, need-to-know
  and proportionate, the meeting is not recorded, a recipient without secure email gets
  password-protected files, and information for evidence is never taken from the discussion or its
  papers: it is requested from the data owner on the Appendix 10 or 11 form (7.2).
  Clauses covered: Appendix 9 (A9), 1.6, 6.1, 7.2.

  @clause-A9 @clause-1.6 @clause-6.1 @fires
  Scenario: Sharing at a SOCJAG meeting follows the Appendix 9 declaration
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And it is shared at a SOCJAG meeting
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A9
    And the reason cites clause 1.6
    And the reason cites clause 6.1
    And a condition is to make sure every attendee has signed the Appendix 9 declaration
    And a condition says the meeting must not be recorded
    And a condition says information for evidence is never taken from the discussion or papers

  @clause-A9 @clause-7.2 @fires
  Scenario: Evidence cannot be taken from what was said at a SOCJAG meeting
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the information was first shared at a SOCJAG meeting
    And the information is wanted as evidence for a prosecution
    And no formal request form has been made
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A9
    And the reason cites clause 7.2
    And the officer is told that information for evidence cannot be taken directly from meeting discussions or papers

  @clause-A9 @clause-7.2 @fires
  Scenario: Evidence asked for on the formal request form is answered from the owner's own records
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the information was first shared at a SOCJAG meeting
    And the information is wanted as evidence for a prosecution
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A9
    And the reason cites clause 7.2
    And a condition is to answer the request as the data owner, from your organisation's own records and outside the meeting
    And the answer rests on the reading that evidence goes by formal request to the data owner

  @clause-A9 @does-not-fire
  Scenario: Evidence asked for on the formal request form, with no meeting involved, raises no meeting rule
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the information is wanted as evidence for a prosecution
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause A9 is not raised

  @clause-A9 @does-not-fire
  Scenario: Evidence requested from the data owner on the form is not under the SOCJAG declaration
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the information is wanted as evidence for a prosecution
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is share with conditions
    And clause A9 is not raised
