Feature: Facts that are not known
  Who it protects: everyone the information is about, and the cases it belongs to, when the officer
  sharing it does not know everything.
  Why: failing closed is not one rule for every unknown. A safeguard that is not known (consulted,
  verified, agreed) is taken as not in place. A risk that is not known (a live investigation,
  information from another agency, evidence, a transfer abroad, profiling, a child, a meeting) is not
  taken as absent: personal data is then shared only once it is confirmed, and the answer says what
  to confirm and why. Anonymised or aggregated figures are outside these rules. This reading goes
  beyond the protocol's words, and is set out for the partnership's Data Protection Officer as the
  interpretation "A risk that is not known is not taken as absent".
  Clauses covered: 4.6, Appendix 2 question 5 (A2.Q5), Appendix 4 (A4), 7.2, Appendix 6 (A6), 4.7, 6.4, 1.6.

  @clause-A2.Q5 @fires
  Scenario: Information not known to be the discloser's own waits for whoever owns it
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known whether the information came from another organisation
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A2.Q5
    And the officer must refer to the organisation the information came from
    And the officer must refer to the meeting chair
    And the officer is told that it is not known whether the information is your organisation's own
    And the answer rests on the reading that where the information came from is worked out from the originator

  @clause-A4 @fires
  Scenario: Information from another organisation not known to have skipped a meeting waits for the chair
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator agreed to it being passed on
    And it is not known whether it was first shared at a meeting
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A4
    And the officer must refer to the meeting chair

  @clause-A4 @does-not-fire
  Scenario: Information from another organisation said not to come from a meeting needs no chair
    Given Bromford Housing propose to share an offender's address with Rugby Borough Council
    And the information came from the Probation Service
    And the originator agreed to it being passed on
    When the share is checked against the protocol
    Then clause A4 is not raised

  @clause-A2.Q5 @does-not-fire
  Scenario: Information known to be the discloser's own needs no confirming of its source
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A2.Q5 is not raised

  @clause-7.2 @fires
  Scenario: Information not known to be free of a request for evidence goes ahead only once that is confirmed
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known whether the information is wanted as evidence
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.2
    And a condition is to confirm that the information is not wanted as evidence

  @clause-7.2 @does-not-fire
  Scenario: Information known not to be wanted as evidence needs no request form
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 7.2 is not raised

  @clause-A6 @fires
  Scenario: Information not known to stay in the UK goes ahead only once that is confirmed
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known whether it will be sent outside the UK
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A6
    And a condition is to confirm that the information will stay in the UK

  @clause-A6 @does-not-fire
  Scenario: Information known to stay in the UK raises no transfer rule
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A6 is not raised

  @clause-4.7 @fires
  Scenario: A share not known to be free of profiling goes ahead only once that is confirmed
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known whether the share could amount to profiling
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.7
    And a condition is to confirm that the share does not build a profile of anyone

  @clause-4.7 @clause-6.4 @fires
  Scenario: Information about a person not known to be an adult is treated with the care a child needs
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known whether the person is a child
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.7
    And the reason cites clause 6.4
    And a condition is to confirm for each person whether they are a child
    And the answer rests on the reading that a person not known to be an adult may be a child

  @clause-4.7 @clause-6.4 @does-not-fire
  Scenario: Information about a person known to be an adult raises no child rule
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.7 is not raised
    And clause 6.4 is not raised

  @clause-1.6 @fires
  Scenario: A share not known to be outside any meeting goes ahead only once the setting is confirmed
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And it is not known where the information is shared
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 1.6
    And a condition is to confirm where the information is shared

  @clause-1.6 @does-not-fire
  Scenario: A share known to be outside any meeting raises no meeting rule
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 1.6 is not raised

  @clause-4.6 @does-not-fire
  Scenario: Anonymised figures need nothing confirmed about a live investigation
    Given Warwickshire Police propose to share anonymised crime figures with Rugby Borough Council
    And it is not known whether there is an ongoing investigation
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.6 is not raised

  @clause-4.6 @fires
  Scenario: In an emergency, whether a case is live is checked afterwards
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And there is an urgent risk to someone's life
    And it is not known whether there is an ongoing investigation
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.6
    And afterwards the officer must check as soon as you can whether the information relates to a live investigation
