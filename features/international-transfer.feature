Feature: International transfer
  Who it protects: people whose information would leave the protection of UK data protection law.
  Why: shared personal data received from another partner agency must not be transferred outside
  the UK (Appendix 6, whose note the library applies to every setting); an organisation's own data
  may go abroad only where UK GDPR's rules on transfers are met (5.2).
  Clauses covered: Appendix 6 (A6), 5.2.

  @clause-A6 @fires
  Scenario: Information received from a partner is never sent outside the UK
    Given Warwickshire Police propose to share an offender's criminal record with an agency that has not signed the protocol
    And the power to share is the common law
    And the information came from the Probation Service
    And the originator agreed to it being passed on
    And it is to be sent outside the UK
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A6

  @clause-A6 @clause-5.2 @fires
  Scenario: An organisation's own information goes abroad only once the transfer is approved
    Given Warwickshire Police propose to share an offender's criminal record with an agency that has not signed the protocol
    And the power to share is the common law
    And it is to be sent outside the UK
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A6
    And the reason cites clause 5.2
    And the officer must refer to the Data Protection Officer

  @clause-A6 @does-not-fire
  Scenario: Information that stays in the UK raises no transfer question
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause A6 is not raised
