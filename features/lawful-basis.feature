Feature: Lawful basis
  Who it protects: the people the information is about, whose data may be used only where the law
  allows it, and above all where it reveals their health, ethnicity, beliefs or offending.
  Why: every share needs an Article 6 lawful basis under UK GDPR (5.2); special category data also
  needs an Article 9 condition, and criminal offence data a condition from Schedule 1 of the Data
  Protection Act 2018 (4.3). A public authority doing its public tasks cannot rely on legitimate
  interests (5.2, Appendix 3). Where consent is not the basis, another lawful basis or an exemption
  such as crime and taxation must apply (5.6), and that exemption must be formally set out on a
  request form (7.2, Appendices 10 and 11). The power to share comes from statute or the common law
  (4.1, Appendix 1), and privacy under Article 8 must be weighed (Appendix 10).
  Clauses covered: 4.1, 4.3, 5.2, 5.6, 7.2, Appendix 1 (A1), Appendix 10 (A10), Appendix 11 (A11),
  Appendix 2 questions 3 and 6 (A2.Q3, A2.Q6), Appendix 3 (A3).

  @clause-5.2 @clause-5.6 @clause-A11 @fires
  Scenario: A share with no lawful basis is not allowed
    Given an ordinary lawful share
    And no lawful basis is given
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 5.2
    And the reason cites clause 5.6
    And the reason cites clause A11

  @clause-5.2 @clause-A11 @does-not-fire
  Scenario: A public body sharing for its public task has a lawful basis
    Given an ordinary lawful share
    And the lawful basis is public task
    When the share is checked against the protocol
    Then the answer is share
    And clause 5.2 is not raised
    And clause A11 is not raised

  @clause-5.2 @clause-A3 @fires
  Scenario: The police cannot rely on legitimate interests for their public tasks
    Given an ordinary lawful share
    And the lawful basis is legitimate interests
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 5.2
    And the reason cites clause A3

  @clause-5.2 @clause-5.3 @fires
  Scenario: A charity relying on legitimate interests must first weigh them against the person's interests
    Given Refuge propose to share a victim's address with Warwickshire Police
    And the lawful basis is legitimate interests
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 5.2
    And the reason cites clause 5.3
    And a condition is to complete and keep a legitimate interests assessment

  @clause-4.3 @clause-A2.Q3 @fires
  Scenario: Health information needs an Article 9 condition
    Given Warwickshire Police propose to share a victim's health information with Rugby Borough Council
    And no Article 9 condition is given
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.3
    And the reason cites clause A2.Q3

  @clause-4.3 @fires
  Scenario: Substantial public interest must name its Schedule 1 condition
    Given Warwickshire Police propose to share a victim's health information with Rugby Borough Council
    And the Article 9 condition is substantial public interest
    And no Schedule 1 condition is given
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.3

  @clause-4.3 @fires
  Scenario: A criminal record needs a Schedule 1 condition
    Given Warwickshire Police propose to share an offender's criminal record with Rugby Borough Council
    And no Schedule 1 condition is given
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 4.3

  @clause-4.3 @does-not-fire
  Scenario Outline: Sensitive information with its Article 9 and Schedule 1 conditions may be shared
    Given Warwickshire Police propose to share <information> with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.3 is not raised

    Examples:
      | information                                      |
      | a victim's health information                    |
      | a witness's ethnicity                            |
      | a vulnerable adult's religion                    |
      | a victim's sexual orientation                    |
      | an offender's criminal record                    |
      | an offender's health information and criminal record |

  @clause-4.3 @fires
  Scenario: Information about an offender is usually criminal offence data
    Given Warwickshire Police propose to share an offender's address with Rugby Borough Council
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 4.3
    And the officer is told that if it reveals offending or allegations, it is, and needs a Schedule 1 condition

  @clause-5.5 @clause-5.6 @clause-A2.Q6 @fires
  Scenario: Consent cannot be the lawful basis when the person has not given it
    Given an ordinary lawful share
    And the lawful basis is consent
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 5.5
    And the reason cites clause 5.6
    And the reason cites clause A2.Q6

  @clause-4.1 @clause-A1 @fires
  Scenario: The power to share should be named
    Given an ordinary lawful share
    And no power to share is named
    When the share is checked against the protocol
    Then the answer is share
    And the officer is advised, citing clause 4.1
    And the officer is advised, citing clause A1

  @clause-4.1 @clause-A1 @does-not-fire
  Scenario Outline: A named power to share raises nothing
    Given an ordinary lawful share
    And the power to share is <power>
    When the share is checked against the protocol
    Then the answer is share
    And clause 4.1 is not raised
    And clause A1 is not raised

    Examples:
      | power                                           |
      | section 115 of the Crime and Disorder Act 1998 |
      | the Children Act                               |
      | the Care Act                                   |
      | the common law                                 |

  @clause-7.2 @clause-A10 @clause-A11 @fires
  Scenario: The crime and taxation exemption needs a formal request
    Given an ordinary lawful share
    And the crime and taxation exemption is relied on
    And no formal request form has been made
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause 7.2
    And the reason cites clause A10
    And the reason cites clause A11

  @clause-7.2 @clause-A10 @fires
  Scenario: A formal crime and taxation request is answered with the minimum
    Given an ordinary lawful share
    And the crime and taxation exemption is relied on
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause 7.2
    And the reason cites clause A10
    And a condition is to keep the request form with the record and disclose only the minimum it needs

  @clause-7.2 @clause-A11 @fires
  Scenario: The crime and taxation exemption does not cover safeguarding
    Given an ordinary lawful share
    And the purpose is to safeguard a vulnerable person
    And the crime and taxation exemption is relied on
    And a formal request form has been made
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause 7.2
    And the reason cites clause A11
    And the officer must refer to the Data Protection Officer

  @clause-7.2 @clause-A10 @clause-A11 @does-not-fire
  Scenario: A share on public task that relies on no exemption needs no request form
    Given an ordinary lawful share
    When the share is checked against the protocol
    Then the answer is share
    And clause 7.2 is not raised
    And clause A10 is not raised
    And clause A11 is not raised

  @clause-A10 @clause-A2.Q3 @fires
  Scenario: The person's privacy must be weighed before sharing
    Given an ordinary lawful share
    And the person's right to privacy (Article 8) has not been weighed
    When the share is checked against the protocol
    Then the answer is refer
    And the reason cites clause A10
    And the reason cites clause A2.Q3
    And the officer must refer to the Designated Officer

  @clause-A11 @fires
  Scenario: Vital interests does not cover health information about a person who refused consent, even in an emergency
    Given Warwickshire Police propose to share a victim's health information with Rugby Borough Council
    And there is an urgent risk to someone's life
    And the victim refused consent
    And the Article 9 condition is vital interests
    When the share is checked against the protocol
    Then the answer is do not share
    And the reason cites clause A11
    And the officer is told that it applies only where the person is physically or legally incapable of giving consent
    And the answer rests on the reading that vital interests covers special category data only where the person cannot consent

  @clause-A11 @fires
  Scenario: Vital interests covers health information about a person who cannot consent, recorded afterwards
    Given Warwickshire Police propose to share a victim's health information with Rugby Borough Council
    And there is an urgent risk to someone's life
    And the Article 9 condition is vital interests
    When the share is checked against the protocol
    Then the answer is share with conditions
    And the reason cites clause A11
    And afterwards the officer must record why the person could not consent
