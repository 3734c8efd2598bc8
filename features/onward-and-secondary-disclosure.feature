Feature: Onward and secondary disclosure
  Who it protects: the person the information is about, and the organisation or person who first
  gave it, who may know of risks or limits on its reuse.
  Why: information shared is to be used only for the purpose it was asked for and not passed on
  without the owner's consent, unless there is a legal obligation or another lawful basis (7.3).
  Before passing on what someone else told you or wrote, consider checking with them (Appendix 2,
  question 5). What was shared at a meeting leaves it only as that meeting's declaration allows:
  see the features for each meeting.
  Clauses covered: 7.3, Appendix 2 question 5 (A2.Q5).

  @clause-A2.Q5 @clause-7.3 @fires
  Scenario: Passing on another organisation's information needs its agreement first
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A2.Q5
    And the reason cites clause 7.3
    And the officer must refer to the organisation the information came from

  @clause-A2.Q5 @clause-7.3 @does-not-fire
  Scenario: Passing on another organisation's information with its agreement raises nothing
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator agreed to it being passed on
    When the share is checked against the protocol
    Then the answer is share
    And clause A2.Q5 is not raised
    And clause 7.3 is not raised

  @clause-7.3 @clause-8.2 @clause-A2.Q5 @fires
  Scenario: Information the originator refused to let go further goes to the Designated Officers
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator has not agreed to it being passed on
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 7.3
    And the reason cites clause 8.2
    And the reason cites clause A2.Q5
    And the officer must refer to the Designated Officers of both organisations
    And the answer rests on the reading that an originator's refusal goes to the Designated Officers

  @clause-7.3 @clause-A2.Q5 @fires
  Scenario: Information the originator refused to let go further, with no lawful basis at all, is not passed on
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator has not agreed to it being passed on
    And no lawful basis is given
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.3
    And the reason cites clause A2.Q5

  @clause-8.2 @does-not-fire
  Scenario: Information the originator agreed to let go further needs no Designated Officers
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator agreed to it being passed on
    When the share is checked against the protocol
    Then clause 8.2 is not raised

  @clause-7.3 @fires
  Scenario: A legal obligation to share overrides the originator's objection, on the record
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator has not agreed to it being passed on
    And the lawful basis is legal obligation
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.3
    And a condition is to record the legal obligation that requires the share, and tell the originator

  @clause-A2.Q5 @clause-7.3 @does-not-fire
  Scenario: An organisation passing on its own information needs nobody's agreement
    Given Warwickshire Police propose to share an offender's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A2.Q5 is not raised
    And clause 7.3 is not raised
