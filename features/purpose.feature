Feature: Purpose
  Who it protects: everyone whose information is shared, by keeping sharing to the purposes the
  protocol exists for and stopping identifiable data being used where figures would do.
  Why: the protocol is for the statutory community safety purposes of the responsible
  authorities: crime and disorder, anti-social behaviour, substance misuse, reoffending and
  serious violence (2.1). Every share needs a lawful, defined and justifiable purpose (4.4), used
  for that specific purpose (5.3), and anonymised or aggregated information is to be used where
  possible (5.4).
  Clauses covered: 2.1, 4.4, 5.3, 5.4, Appendix 2 question 1 (A2.Q1).

  @clause-4.4 @clause-5.3 @clause-A2.Q1 @fires
  Scenario: A share with no written purpose is not allowed
    Given an ordinary lawful share
    And no purpose is written down
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.4
    And the reason cites clause 5.3
    And the reason cites clause A2.Q1

  @clause-4.4 @clause-5.3 @clause-A2.Q1 @does-not-fire
  Scenario: A share with a written, lawful purpose goes ahead
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.4 is not raised
    And clause 5.3 is not raised
    And clause A2.Q1 is not raised

  @clause-2.1 @fires
  Scenario: A purpose the protocol does not cover goes to the Data Protection Officer
    Given an ordinary lawful share
    And the purpose is one the protocol does not cover
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 2.1
    And the officer must refer to the Data Protection Officer

  @clause-2.1 @does-not-fire
  Scenario Outline: Each statutory purpose of the protocol is accepted
    Given an ordinary lawful share
    And the purpose is <purpose>
    When the share is checked against the protocol
    Then the answer is share
    And clause 2.1 is not raised

    Examples:
      | purpose                          |
      | to detect crime                  |
      | to prevent crime                 |
      | to catch an offender             |
      | to prosecute an offender         |
      | to reduce reoffending            |
      | to reduce anti-social behaviour  |
      | to tackle substance misuse       |
      | to prevent serious violence      |
      | to safeguard a vulnerable person |
      | to protect life                  |

  @clause-5.4 @fires
  Scenario: Names for strategic analysis go to the Data Protection Officer to show why they are needed
    Given an ordinary lawful share
    And the purpose is strategic analysis
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 5.4
    And the officer must refer to the Data Protection Officer
    And the officer is told that the protocol says to use anonymised or aggregated information where possible
    And the answer rests on the reading that identifiable data for strategic analysis must be justified

  @clause-5.4 @clause-2.1 @fires
  Scenario: Anonymised figures are outside the personal-data rules, with a warning about small numbers
    Given Warwickshire Police propose to share anonymised crime figures with Rugby Borough Council
    And the purpose is strategic analysis
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 5.4
    And the officer is advised, citing clause 2.1
    And the officer is told that the protocol's personal-data checks do not apply

  @clause-5.4 @does-not-fire
  Scenario: Identifiable data may be shared where the purpose needs it
    Given an ordinary lawful share
    And the purpose is to prevent crime
    When the share is checked against the protocol
    Then the answer is share
    And clause 5.4 is not raised
