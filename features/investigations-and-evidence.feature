Feature: Investigations and evidence
  Who it protects: victims, witnesses and the public, whose interest is in a fair prosecution
  that a careless disclosure could prejudice; and the accused, whose trial must be fair.
  Why: where information relates to an ongoing investigation or prosecution the matter is sub
  judice, so the investigating officer and the Crown Prosecution Service must be consulted before
  it is shared (4.6). Information wanted as evidence must be asked for formally, on the police
  request forms or a partner's official equivalent, setting out the legal grounds (7.2, Appendices
  10 and 11).
  An organisation serving its own evidence in its own proceedings asks nobody for it, so it needs
  no form; the court rules then say what it serves and on whom (the library's reading, marked as
  such). Evidence is still never taken from a meeting's discussion or papers (Appendix 9).
  Clauses covered: 4.6, 7.2, Appendix 9 (A9), Appendix 10 (A10), Appendix 11 (A11).

  @clause-4.6 @fires
  Scenario: A share about a live investigation waits for the investigating officer and the CPS
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information relates to an ongoing investigation
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.6
    And the officer must refer to the investigating officer and the Crown Prosecution Service
    And the officer is told that the matter is sub judice

  @clause-4.6 @does-not-fire
  Scenario: Once the investigating officer and the CPS have been consulted, the share can go ahead
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information relates to an ongoing investigation
    And the investigating officer and the Crown Prosecution Service have been consulted
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.6 is not raised

  @clause-4.6 @fires
  Scenario: A share about a live investigation where the investigating officer was not asked waits too
    Given Warwickshire Police propose to share a victim's address with Rugby Borough Council
    And the information relates to an ongoing investigation
    And the investigating officer has not been consulted
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 4.6
    And the officer must refer to the investigating officer and the Crown Prosecution Service

  @clause-4.6 @fires
  Scenario: Information with no word on a live case goes ahead only once that is confirmed
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And it is not known whether there is an ongoing investigation
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 4.6
    And a condition is to confirm with the investigating officer that this is not part of a live investigation or prosecution
    And the answer rests on the reading that a risk that is not known is not taken as absent

  @clause-4.6 @does-not-fire
  Scenario: Offence information about a closed matter carries no reminder
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.6 is not raised

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: Evidence for a prosecution must be asked for on the formal request form
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And no formal request form has been made
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11

  @clause-7.2 @clause-A10 @fires
  Scenario: A formal request for evidence is answered with the minimum, checked
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.2
    And the reason cites clause A10
    And a condition is to answer only what the form asks

  @clause-7.2 @clause-A10 @clause-A11 @does-not-fire
  Scenario: Information not wanted as evidence needs no request form
    Given Rugby Borough Council propose to share a victim's address with Warwickshire Police
    When the share is checked against the protocol
    Then the answer is share
    And clause 7.2 is not raised
    And clause A10 is not raised
    And clause A11 is not raised

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: An organisation serving its own evidence under the court rules needs no request form, but serves only what the rules require
    Given Rugby Borough Council propose to share an offender's criminal record with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And the organisation sharing it is serving its own evidence under the court rules
    And the request form is said to be not applicable
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11
    And a condition is to disclose only what the court rules require, only to the court and the parties entitled to it
    And the answer rests on the reading that an organisation serving its own evidence under court rules needs no request form

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: A partner wanting evidence cannot say the request form is not applicable
    Given Rugby Borough Council propose to share an offender's criminal record with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And the recipient wants it as evidence
    And the request form is said to be not applicable
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11
    And the officer is told that it does apply: a partner wanting evidence asks the data owner

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: A request form said to be not applicable, with nobody saying who uses the evidence, is read as no form
    Given Rugby Borough Council propose to share an offender's criminal record with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And the request form is said to be not applicable
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11
    And the officer is told that it is not said who will use it as evidence

  @clause-A9 @clause-7.2 @fires
  Scenario: Evidence from a meeting stays blocked even for an organisation serving its own evidence
    Given Rugby Borough Council propose to share an offender's criminal record with Warwickshire Police
    And the information is wanted as evidence for a prosecution
    And the organisation sharing it is serving its own evidence under the court rules
    And the request form is said to be not applicable
    And the information was first shared at a SOCJAG meeting
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A9
    And the reason cites clause 7.2
    And the officer is told that information for evidence cannot be taken directly from meeting discussions or papers, even by an organisation serving its own evidence

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: The crime and taxation exemption is formally set out even where the form is said to be not applicable
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And the crime and taxation exemption is relied on
    And the organisation sharing it is serving its own evidence under the court rules
    And the request form is said to be not applicable
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11
    And the officer is told that 7.2 asks for the exemption to be formally set out
